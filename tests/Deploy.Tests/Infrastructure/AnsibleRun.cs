namespace Deploy.Tests.Infrastructure;

/// <summary>Runs the real deploy/ansible playbook against a fleet, from inside the fleet's network.</summary>
public static class AnsibleRun
{
    public static ProcessResult Playbook(Fleet fleet, string version, string publishFolder, int healthTimeoutSeconds = 40)
    {
        string work = TestRun.NewFolder("ansible");
        string inventory = Path.Combine(work, "inventory.ini");
        var lines = new List<string> { "[edgedevices]" };
        lines.AddRange(fleet.Devices.Select((d, i) => $"pi{i} ansible_host={d.Options.Address}"));
        lines.AddRange(
        [
            "[edgedevices:vars]",
            "ansible_user=pi",
            $"ansible_ssh_private_key_file={ClientKeys.Deployer}",
            $"ansible_ssh_common_args='-o UserKnownHostsFile={fleet.KnownHosts} -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes'",
            "ansible_python_interpreter=/usr/bin/python3",
            $"edgedevice_systemctl={SimulatedDevice.Systemctl}",
            $"edgedevice_state_dir={SimulatedDevice.StateDirectory}",
            $"edgedevice_health_timeout={healthTimeoutSeconds}",
        ]);
        File.WriteAllLines(inventory, lines);

        var environment = new Dictionary<string, string?>
        {
            ["ANSIBLE_CONFIG"] = Path.Combine(work, "none.cfg"),
            ["ANSIBLE_HOME"] = Path.Combine(work, "home"),
            ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(work, "tmp"),
            ["ANSIBLE_HOST_KEY_CHECKING"] = "True",
            // One connection per host for all tasks; the masters detach from our output and
            // end a few seconds after the last task.
            ["ANSIBLE_SSH_ARGS"] = "-o ControlMaster=auto -o ControlPersist=5s",
            // The masters' sockets are named after user, address and port only, which two fleets
            // share (each has the same private addresses in its own namespaces); in the default
            // ~/.ansible/cp a concurrent run would talk to the other fleet's devices.
            ["ANSIBLE_SSH_CONTROL_PATH_DIR"] = Path.Combine(work, "cp"),
            ["ANSIBLE_PIPELINING"] = "True",
            ["ANSIBLE_FORKS"] = "10",
            ["ANSIBLE_NOCOLOR"] = "1",
            ["ANSIBLE_RETRY_FILES_ENABLED"] = "False",
            ["ANSIBLE_DEPRECATION_WARNINGS"] = "False",
            ["SSH_AUTH_SOCK"] = null,
        };
        string[] command =
        [
            "netns", "exec", fleet.ControllerNamespace,
            "ansible-playbook", "-i", inventory, RepoPaths.Playbook,
            "-e", $"edgedevice_version={version}",
            "-e", $"edgedevice_publish_dir={publishFolder}",
            "-e", $"edgedevice_work_dir={work}",
        ];
        return ProcessRunner.Run("ip", command, TimeSpan.FromMinutes(5), environment);
    }
}
