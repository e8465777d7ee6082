namespace ConvCore.Fixed.Tests.Allocation;

/// <summary>Measures managed bytes allocated on this thread by many calls after a warm-up.</summary>
internal static class AllocationProbe
{
    public static void AssertAllocatesNothing(Action call, int calls = 1000)
    {
        // Warm-up: JIT, tiering and any one-time caches (such as a flipped kernel) happen here.
        for (int i = 0; i < 50; i++)
        {
            call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            call();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{calls} calls allocated {allocated} bytes.");
    }
}
