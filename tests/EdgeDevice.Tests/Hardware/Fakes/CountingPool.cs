using System.Buffers;

namespace EdgeDevice.Tests.Hardware.Fakes;

/// <summary>An array pool that counts rents and returns and reuses what comes back (so steady use allocates nothing).</summary>
public sealed class CountingPool : ArrayPool<byte>
{
    private readonly object _gate = new();
    private readonly Stack<byte[]> _free = new();
    private int _rented;
    private int _returned;

    public int Rented => Volatile.Read(ref _rented);

    public int Returned => Volatile.Read(ref _returned);

    public override byte[] Rent(int minimumLength)
    {
        lock (_gate)
        {
            _rented++;
            while (_free.Count > 0)
            {
                byte[] a = _free.Pop();
                if (a.Length >= minimumLength)
                {
                    return a;
                }
            }
        }

        // Like ArrayPool.Shared, hand out more than asked for.
        return new byte[minimumLength + 16];
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        lock (_gate)
        {
            _returned++;
            _free.Push(array);
        }
    }
}
