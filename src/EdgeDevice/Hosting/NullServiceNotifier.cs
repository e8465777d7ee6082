namespace EdgeDevice.Hosting;

/// <summary>Not under a service manager: nobody to notify.</summary>
public sealed class NullServiceNotifier : IServiceNotifier
{
    public void Ready()
    {
    }

    public void Alive()
    {
    }

    public void Stopping()
    {
    }
}
