using Site.Search;

namespace Site.Tests.Search;

public sealed class StemBitsTests
{
    [Fact]
    public void Bits_add_up_within_their_scope_and_are_taken_once()
    {
        var bits = new StemBits();
        var first = bits.NewScope();
        bits.Or(3, first, 0b001);
        bits.Or(3, first, 0b100);
        bits.Or(100_000, first, 0b10); // past the first size
        Assert.True(bits.TryTake(3, first, out var three) && three == 0b101);
        Assert.False(bits.TryTake(3, first, out _)); // taken
        Assert.True(bits.TryTake(100_000, first, out var far) && far == 0b10);
        Assert.False(bits.TryTake(4, first, out _));
        Assert.False(bits.TryTake(2_000_000, first, out _));
        var second = bits.NewScope();
        bits.Or(3, second, 0b1000); // a new scope starts from none
        Assert.True(bits.TryTake(3, second, out var again) && again == 0b1000);
    }
}
