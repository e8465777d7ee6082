using CsCheck;

namespace ConvCore.Fixed.Tests.Exactness;

/// <summary>
/// Runs a CsCheck generator from a fixed seed, single-threaded, so every run of the suite
/// sees the same cases. (Check.Sample fixes only its first case; later ones are random.)
/// A failure names the case number and the CsCheck seed that regenerates it.
/// </summary>
internal static class SeededSamples
{
    public static void Run<T>(Gen<T> gen, ulong seed, int count, Action<T> check)
    {
        var pcg = new PCG(1, seed);
        for (int i = 0; i < count; i++)
        {
            ulong state = pcg.State;
            T value = gen.Generate(pcg, null, out _);
            try
            {
                check(value);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(
                    $"Case {i} of seed {seed} failed (CsCheck seed \"{pcg.ToString(state)}\"): {value}", e);
            }
        }
    }
}
