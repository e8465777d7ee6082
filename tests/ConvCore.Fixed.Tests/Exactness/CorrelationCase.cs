using ConvCore.Fixed.Correlation;
using CsCheck;

namespace ConvCore.Fixed.Tests.Exactness;

/// <summary>One random correlation problem: an input plane (with row padding), a kernel, mode, strides and bias.</summary>
internal sealed record CorrelationCase(
    int Width, int Height, int Stride, byte[] Pixels, int KernelRows, int KernelCols, short[] Weights,
    BorderMode Mode, int StrideY, int StrideX, int Bias)
{
    /// <summary>Pixels with a good share of the extremes 0 and 255.</summary>
    public static readonly Gen<byte> Pixel = Gen.Frequency((1, Gen.Const((byte)0)), (1, Gen.Const((byte)255)), (3, Gen.Byte));

    /// <summary>Weights with a good share of the int16 extremes and small edge-kernel values.</summary>
    public static readonly Gen<short> Weight = Gen.Frequency(
        (1, Gen.Const(short.MaxValue)), (1, Gen.Const(short.MinValue)), (1, Gen.Const((short)-32767)),
        (1, Gen.Const((short)0)), (3, Gen.Short[-10, 10]), (3, Gen.Short));

    public static readonly Gen<int> BiasGen = Gen.Frequency(
        (4, Gen.Const(0)), (2, Gen.Int[-1000, 1000]), (1, Gen.Const(int.MaxValue)), (1, Gen.Const(int.MinValue)), (2, Gen.Int));

    public static Gen<CorrelationCase> Generate(int maxWidth, int maxHeight, int maxKernel) =>
        from mode in Gen.Enum<BorderMode>()
        from kh in Gen.Int[1, maxKernel]
        from kw in Gen.Int[1, maxKernel]
        from h in Gen.Int[mode == BorderMode.Valid ? kh : 1, maxHeight]
        from w in Gen.Int[mode == BorderMode.Valid ? kw : 1, maxWidth]
        from sy in Gen.Int[1, 3]
        from sx in Gen.Int[1, 3]
        from pad in Gen.Int[0, 3]
        from pixels in Pixel.Array[((h - 1) * (w + pad)) + w]
        from weights in Weight.Array[kh * kw]
        from bias in BiasGen
        select new CorrelationCase(w, h, w + pad, pixels, kh, kw, weights, mode, sy, sx, bias);

    public CorrelationOptions Options => new(Mode) { StrideY = StrideY, StrideX = StrideX };

    public (int Height, int Width) OutputSize =>
        ReferenceCorrelation.OutputSize(Height, Width, KernelRows, KernelCols, Mode, StrideY, StrideX);

    public long[] Accumulators() =>
        ReferenceCorrelation.Accumulate(Pixels, Width, Height, Stride, Weights, KernelRows, KernelCols, Mode, StrideY, StrideX);

    public override string ToString() =>
        $"{Width}x{Height} (stride {Stride}) kernel {KernelRows}x{KernelCols} [{string.Join(", ", Weights)}] {Mode} stride {StrideY}x{StrideX} bias {Bias}";
}
