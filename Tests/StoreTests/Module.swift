// Tests of this module land with the module itself.
import Testing
