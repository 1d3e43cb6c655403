using Site.Search;

namespace Site.Tests.Search;

public sealed class StemSlotsTests
{
    [Fact]
    public void A_value_holds_within_its_scope_only_and_for_any_stem_number()
    {
        var slots = new StemSlots();
        var first = slots.NewScope();
        slots.Set(3, first, 30);
        slots.Set(100_000, first, 7); // past the first size
        Assert.True(slots.TryGet(3, first, out var three) && three == 30);
        Assert.True(slots.TryGet(100_000, first, out var far) && far == 7);
        Assert.False(slots.TryGet(4, first, out _));
        Assert.False(slots.TryGet(2_000_000, first, out _));
        var second = slots.NewScope();
        Assert.False(slots.TryGet(3, second, out _));
        slots.Set(3, second, 31);
        Assert.True(slots.TryGet(3, second, out var again) && again == 31);
    }
}
