using System.Runtime.Intrinsics;

namespace ConvCore.Fixed.Correlation;

/// <summary>
/// Turns one block of exact accumulators into output elements, the vector counterpart of
/// IAccumulatorStore. A block arrives either as 16-bit lanes (kernels proven to fit int16)
/// or as 32-bit lanes, in pixel order: <c>lo</c>/<c>a</c> holds the first pixels.
/// </summary>
internal interface IVectorSink<TOut> where TOut : unmanaged
{
    /// <summary>16 pixels in two 8-lane int16 vectors.</summary>
    void Store(Vector128<short> lo, Vector128<short> hi, ref TOut destination);

    /// <summary>32 pixels in two 16-lane int16 vectors.</summary>
    void Store(Vector256<short> lo, Vector256<short> hi, ref TOut destination);

    /// <summary>16 pixels in four 4-lane int32 vectors.</summary>
    void Store(Vector128<int> a, Vector128<int> b, Vector128<int> c, Vector128<int> d, ref TOut destination);

    /// <summary>32 pixels in four 8-lane int32 vectors.</summary>
    void Store(Vector256<int> a, Vector256<int> b, Vector256<int> c, Vector256<int> d, ref TOut destination);
}
