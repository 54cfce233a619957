import Datasets
import Testing

/// Reference values printed once by numpy 2.4.6 on this machine
/// (`numpy.random.RandomState(s).permutation(n)`), not computed by Spikebar.
@Suite("NumPy RandomState order")
struct NumPyOrderTests {
    @Test("RandomState(0).permutation(60000): the first 20 and five far indices")
    func fashionOrder() {
        var rs = NumPyRandomState(seed: 0)
        let p = rs.permutation(60000)
        #expect(Array(p.prefix(20)) == [3048, 19563, 58303, 8870, 40228, 31488, 21860, 56864, 845, 25770,
                                         50959, 56085, 5007, 40115, 38310, 33623, 4212, 40881, 54592, 43759])
        #expect(p[1000] == 30188 && p[9999] == 26146 && p[10000] == 9644 && p[30000] == 37442 && p[59999] == 2732)
        #expect(Set(p).count == 60000)
    }

    @Test("small permutations of seeds 1, 0 and 2³²−1")
    func smallOrders() {
        var one = NumPyRandomState(seed: 1)
        #expect(one.permutation(10) == [2, 9, 6, 4, 0, 3, 1, 7, 8, 5])
        var zero = NumPyRandomState(seed: 0)
        #expect(zero.permutation(10) == [2, 8, 4, 9, 1, 6, 7, 3, 0, 5])
        var top = NumPyRandomState(seed: .max)
        #expect(top.permutation(7) == [1, 5, 0, 6, 4, 2, 3])
    }

    @Test("MT19937's first output for the reference seed 5489 is 3499211612")
    func mersenneTwister() {
        var rs = NumPyRandomState(seed: 5489)
        #expect(rs.nextUInt32() == 3_499_211_612)
    }
}
