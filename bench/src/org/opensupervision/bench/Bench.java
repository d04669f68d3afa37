package org.opensupervision.bench;

import java.util.Arrays;

/**
 * The benchmark tool's entry point: {@code java -cp bench/target/classes:postgresql.jar org.opensupervision.bench.Bench
 * <command> [--option value ...]}. bench/run.sh calls it; every command prints {@code key=value} lines that the script
 * collects into the run's results.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "load" -> HttpLoad.run(options);
            case "wait" -> SqlWait.run(options);
            case "drive" -> CaseDriver.run(options);
            case "queries" -> QueryLatency.run(options);
            case "storage" -> Storage.run(options);
            case "datagen" -> System.out.println("generated=" + new ComplaintDataGenerator(options.get("jdbc"))
                    .generate(options.intValue("count", 1000), options.longValue("seed", 42)));
            case "delays" -> DeadlineDelays.run(options);
            case "profile" -> JfrProfile.run(options);
            case "approval-datagen" -> ApprovalDataGenerator.run(options);
            case "approval-load" -> ApprovalLoad.run(options);
            case "approval-raise" -> ApprovalRaise.run(options);
            case "approval-queries" -> ApprovalQueries.run(options);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("""
                usage: Bench <command> [--option value ...]
                  load     --url U --kind intake|engine-start --connections C --duration S [--max N] [--rate R/s]
                  wait     --jdbc J --sql "select count(*) ..." --target N [--timeout S] [--own-reads true] [--lean true]
                  drive    --base http://127.0.0.1:8080 --jdbc J --count N   (closes open complaints via /engine-rest)
                  queries  --base U --jdbc J [--iterations N]                 (staff lists over HTTP, dashboard SQL)
                  storage  --jdbc J                                           (VACUUM FULL, then bytes per table group)
                  datagen  --jdbc J --count N [--seed S]                      (closed complaints, breaches, mails)
                  delays   --jdbc J --since ISO-INSTANT                      (breach recorded_at - due_at)
                  profile  --jfr FILE [--from ISO --to ISO] [--top N]        (CPU by subsystem and method)
                  approval-datagen --jdbc J --what closed|open --count N [--seed 0.42] [--due-now N]
                  approval-load    --url U --jdbc J [--connections 4] [--batch 1000] [--duration S] [--new-share 0.4]
                  approval-raise   --jdbc J [--count 1000] [--delay 20] [--timeout 180]
                  approval-queries --base U [--iterations 20] [--department GD-AMR]
                """);
    }
}
