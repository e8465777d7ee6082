using ConvCore.Fixed.Correlation;
using ConvCore.Fixed.Kernels;
using ConvCore.Fixed.Planes;

namespace EdgeDevice.Training;

/// <summary>
/// The mean squared error of a candidate kernel over every pixel of a training set, with
/// pixels as [0, 1): the honest measure of a student, since one batch of crops can be flat.
/// Runs the core's own correlation, so it judges exactly the kernel a file will hold.
/// </summary>
public sealed class SetLoss
{
    private readonly TrainingSet _set;
    private readonly int _weightFractionBits;
    private readonly int[] _accumulators;
    private readonly short[] _weights;

    public SetLoss(TrainingSet set, int weightFractionBits)
    {
        ArgumentNullException.ThrowIfNull(set);
        _set = set;
        _weightFractionBits = weightFractionBits;
        _accumulators = new int[set.Examples.Max(e => e.Target.Length)];
        _weights = new short[set.Rows * set.Cols];
    }

    /// <summary>MSE of int16 weights (the student's Q format) and a bias in accumulator units.</summary>
    public double MeanSquaredError(ReadOnlySpan<short> weights, int bias)
    {
        weights.CopyTo(_weights);
        FixedKernel kernel = FixedKernel.Create("candidate", _set.Rows, _set.Cols, _weights, _weightFractionBits, bias);
        double predictionScale = Math.ScaleB(1.0, -(_weightFractionBits + 8));
        double targetScale = Math.ScaleB(1.0, -_set.TargetFractionBits);
        double sum = 0;
        long count = 0;
        foreach (TrainingExample e in _set.Examples)
        {
            var acc = new Plane<int>(_accumulators.AsSpan(0, e.Target.Length), e.TargetWidth, e.TargetHeight);
            Correlator.Correlate(e.Input, kernel, acc, CorrelationOptions.Valid);
            ReadOnlySpan<int> accumulators = acc.Data;
            for (int i = 0; i < e.Target.Length; i++)
            {
                double error = ((accumulators[i] + (long)bias) * predictionScale) - (e.Target[i] * targetScale);
                sum += error * error;
            }

            count += e.Target.Length;
        }

        return sum / count;
    }
}
