namespace Site.Tests.Support;

/// <summary>Waits for something a running process will show, such as a line of the preview's output.</summary>
public static class Eventually
{
    /// <summary>The first value <paramref name="probe"/> gives, polled every 50 ms for at most a minute.</summary>
    public static async Task<string> ValueOf(Func<string?> probe, string what = "the preview")
    {
        for (var waited = 0; waited < 1200; waited++)
        {
            if (probe() is { } value)
                return value;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{what} did not get there within a minute");
    }

    /// <summary>The same, for a probe that must wait on something itself, such as a browser.</summary>
    public static async Task<string> ValueOf(Func<Task<string?>> probe, string what = "the preview")
    {
        for (var waited = 0; waited < 1200; waited++)
        {
            if (await probe() is { } value)
                return value;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{what} did not get there within a minute");
    }
}
