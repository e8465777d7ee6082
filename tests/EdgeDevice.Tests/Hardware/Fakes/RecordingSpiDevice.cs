using System.Device.Spi;

namespace EdgeDevice.Tests.Hardware.Fakes;

/// <summary>An SPI device that records every write (one entry per bus transaction) and can be told to fail.</summary>
public sealed class RecordingSpiDevice(SpiConnectionSettings? settings = null) : SpiDevice
{
    public List<byte[]> Writes { get; } = [];

    /// <summary>When set, every write throws this many times before succeeding again (-1: forever).</summary>
    public int FailuresToCome { get; set; }

    public bool Disposed { get; private set; }

    public override SpiConnectionSettings ConnectionSettings { get; } = settings ?? new SpiConnectionSettings(0, 0);

    public override void Read(Span<byte> buffer) => buffer.Clear();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (FailuresToCome != 0)
        {
            if (FailuresToCome > 0)
            {
                FailuresToCome--;
            }

            throw new IOException("Error 5 performing SPI data transfer.");
        }

        Writes.Add(buffer.ToArray());
    }

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        readBuffer.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    /// <summary>Parses "0B 07" into bytes, so expected values in tests read like the datasheet.</summary>
    public static byte[] Hex(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => Convert.ToByte(h, 16)).ToArray();
}
