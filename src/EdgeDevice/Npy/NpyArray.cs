using ConvCore.Fixed.Planes;

namespace EdgeDevice.Npy;

/// <summary>A 2-D array read from a .npy file: row-major, tightly packed.</summary>
public sealed class NpyArray<T>(int height, int width, T[] data)
    where T : unmanaged
{
    public int Height { get; } = height;

    public int Width { get; } = width;

    public T[] Data { get; } = data;

    public ReadOnlyPlane<T> AsPlane() => new(Data, Width, Height);
}
