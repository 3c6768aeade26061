using System.Text.RegularExpressions;
using System.Text;
using NasPipeline.Checkpoints;
using NasPipeline.Manifest;

namespace NasPipeline.Execution.Slurm;

/// <summary>
/// The batch script for a <see cref="SlurmJob"/>: its options as <c>#SBATCH</c> lines (so the script alone, run with
/// <c>sbatch</c>, reproduces the job), then the command run as a child the shell waits for. Behaviour checked on
/// Slurm 22.05 (tests/…/Execution/Slurm):
/// <list type="bullet">
/// <item><c>--signal=B:TERM@N</c> signals only the batch shell, whose trap forwards TERM to the child. The shell
/// polls the child instead of sitting in <c>wait</c>: a trap interrupting <c>wait</c> as the child exits makes bash
/// 5.2 lose the exit code (seen in about 1 run in 15 with plain <c>scancel</c>, which signals both at once).</item>
/// <item>A child exiting with <see cref="NodeInterruptedException.ExitCode"/> (75, checkpointed) makes the job
/// requeue itself with <c>scontrol requeue</c> (a user cannot configure <c>RequeueExit</c> on a real cluster), but
/// only while the job is still RUNNING: after <c>scancel</c> or a reached time limit a requeue would undo the
/// cancel, so the job ends with 75 instead. The rerun starts after about <c>cred_expire</c> seconds with
/// <c>SLURM_RESTART_COUNT</c> set, and <c>--open-mode=append</c> keeps the first run's output.</item>
/// </list>
/// </summary>
public static class SlurmScript
{
    static readonly Regex VariableName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    // 75 is checked in bash; the constant ties it to the code the node process exits with.
    const string Body = """
        term=0
        child=
        trap 'term=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null' TERM
        __COMMAND__ &
        child=$!
        [ "$term" = 1 ] && kill -TERM "$child" 2>/dev/null # TERM before the child existed
        # Poll rather than `wait "$child"`: when TERM interrupts wait just as the child exits, bash 5.2 loses the
        # exit status (wait then returns -1). The trap runs after the foreground sleep: TERM goes on within 0.5 s.
        while kill -0 "$child" 2>/dev/null; do { sleep 0.5; } 2>/dev/null; done
        trap '' TERM # the child is gone: nothing to forward, and this wait must not be interrupted
        wait "$child"
        code=$?
        if [ "$code" = __REQUEUE__ ]; then
          # Only a running job requeues itself: after scancel or the time limit the job is CANCELLED/TIMEOUT
          # (COMPLETING while this runs), and a requeue would undo that.
          state=$(squeue -h -j "$SLURM_JOB_ID" -o %T 2>/dev/null)
          if [ "$state" = RUNNING ]; then
            echo "slurm job $SLURM_JOB_ID: exit __REQUEUE__ (checkpointed): requeueing"
            scontrol requeue "$SLURM_JOB_ID" && exit 0
          fi
          echo "slurm job $SLURM_JOB_ID: exit __REQUEUE__ (checkpointed) but state is '$state': not requeued" >&2
        fi
        exit "$code"
        """;

    /// <summary>The script text; <see cref="ArgumentException"/> for values no script can carry safely.</summary>
    public static string For(SlurmJob job)
    {
        if (job.Command.Count == 0) throw new ArgumentException($"job '{job.Name}' has no command", nameof(job));
        if (job.SignalGraceSeconds is < 0 or > 65535)
            throw new ArgumentException($"signal grace must be 0..65535 s, not {job.SignalGraceSeconds}", nameof(job));
        // A backslash in --output turns off Slurm's %-patterns and is itself dropped: refuse rather than mangle.
        if (job.OutputPath.Contains('\\'))
            throw new ArgumentException($"output path must not contain '\\': {job.OutputPath}", nameof(job));

        var s = new StringBuilder("#!/bin/bash\n");
        void Directive(string option, string value) => s.Append($"#SBATCH {option}={DirectiveQuote(value)}\n");

        Directive("--job-name", job.Name);
        Directive("--output", job.OutputPath);
        s.Append("#SBATCH --open-mode=append\n");
        Directive("--chdir", job.WorkingDirectory);
        s.Append("#SBATCH --requeue\n");
        if (job.SignalGraceSeconds > 0) s.Append($"#SBATCH --signal=B:TERM@{job.SignalGraceSeconds}\n");
        if (job.AfterOk.Count > 0)
        {
            var after = job.AfterAny ? "afterany" : "afterok";
            s.Append($"#SBATCH --dependency={after}:{string.Join(':', SlurmJobIds.Checked(job.AfterOk))}\n");
            if (!job.AfterAny) s.Append("#SBATCH --kill-on-invalid-dep=yes\n");
        }

        var r = job.Resources;
        if (r.Partition is not null) Directive("--partition", r.Partition);
        if (r.Account is not null) Directive("--account", r.Account);
        if (r.Time is not null) Directive("--time", r.Time);
        if (r.CpusPerTask is { } cpus)
        {
            if (cpus < 1) throw new ArgumentException($"cpus per task must be at least 1, not {cpus}", nameof(job));
            s.Append($"#SBATCH --cpus-per-task={cpus}\n");
        }
        if (r.Mem is not null) Directive("--mem", r.Mem);
        if (r.Gres is not null) Directive("--gres", r.Gres);
        // sbatch reads several arguments from one #SBATCH line, so "--constraint", "a100" stays a pair.
        if (r.Extra is { Count: > 0 } extra)
            s.Append("#SBATCH ").AppendJoin(' ', extra.Select(DirectiveQuote)).Append('\n');

        s.Append("# Written by NasPipeline (SlurmScript): the command runs as a child, so TERM can be forwarded.\n");
        foreach (var (name, value) in job.Environment ?? new Dictionary<string, string>())
        {
            if (!VariableName.IsMatch(name)) throw new ArgumentException($"not a variable name: '{name}'", nameof(job));
            s.Append($"export {name}={ShellQuote(value)}\n");
        }
        s.Append(Body
            .Replace("__COMMAND__", string.Join(' ', job.Command.Select(ShellQuote)))
            .Replace("__REQUEUE__", NodeInterruptedException.ExitCode.ToString()));
        return s.Append('\n').ToString();
    }

    /// <summary>One bash word with exactly this value: single quotes, each inner quote as <c>'\''</c>.</summary>
    public static string ShellQuote(string value)
    {
        if (value.Contains('\0')) throw new ArgumentException("a shell word cannot hold a NUL character");
        return "'" + value.Replace("'", @"'\''") + "'";
    }

    /// <summary>
    /// One argument on an <c>#SBATCH</c> line. sbatch splits these lines itself (no shell): double quotes group and a
    /// backslash escapes the next character; <c>#</c> is escaped too, as outside quotes it would start a comment.
    /// </summary>
    public static string DirectiveQuote(string value)
    {
        if (value.IndexOfAny(['\n', '\r', '\0']) >= 0)
            throw new ArgumentException($"an #SBATCH value cannot hold a line break: '{value}'");
        var escaped = value.Replace(@"\", @"\\").Replace("\"", "\\\"").Replace("#", @"\#");
        return $"\"{escaped}\"";
    }
}
