using System.Device.I2c;

namespace EdgeDevice.Tests.Hardware.Fakes;

/// <summary>An I2C device that records every write and can NACK (throw IOException as the Linux driver does).</summary>
public sealed class RecordingI2cDevice(int address, int busId = 1) : I2cDevice
{
    public List<byte[]> Writes { get; } = [];

    /// <summary>Writes that will be refused before the device answers again (-1: it never answers).</summary>
    public int NacksToCome { get; set; }

    public bool Disposed { get; private set; }

    public override I2cConnectionSettings ConnectionSettings { get; } = new(busId, address);

    public override void Read(Span<byte> buffer) => buffer.Clear();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (NacksToCome != 0)
        {
            if (NacksToCome > 0)
            {
                NacksToCome--;
            }

            // What UnixI2cBus throws when the address is not acknowledged (ENXIO / EREMOTEIO).
            throw new IOException("Error 121 performing I2C data transfer.");
        }

        Writes.Add(buffer.ToArray());
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        readBuffer.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
