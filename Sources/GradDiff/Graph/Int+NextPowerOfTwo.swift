extension Int {
    /// The least power of two at least `self` (1 for 0 and below): a hash table's size.
    var nextPowerOfTwo: Int {
        var value = 1
        while value < self { value <<= 1 }
        return value
    }
}
