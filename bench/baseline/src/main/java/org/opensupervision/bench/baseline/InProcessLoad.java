package org.opensupervision.bench.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts and completes instances from inside the JVM: the reference "starts/s without HTTP", and a quick way to put
 * thousands of timers in place for the timer benchmark. Bench-only; this application is never deployed.
 */
@RestController
class InProcessLoad {

    private final RuntimeService runtime;
    private final TaskService tasks;

    InProcessLoad(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @PostMapping("/bench/start")
    Map<String, Object> start(@RequestParam int count, @RequestParam(defaultValue = "2") int threads)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long began = System.nanoTime();
        runInParallel(threads, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                runtime.startProcessInstanceByKey("baseline", "inproc-" + System.nanoTime() + "-" + i,
                        Map.of("subject", "baseline instance " + i));
            }
        });
        return result(count, began);
    }

    @PostMapping("/bench/complete")
    Map<String, Object> complete(@RequestParam int count, @RequestParam(defaultValue = "2") int threads)
            throws Exception {
        List<Task> open = tasks.createTaskQuery().taskDefinitionKey("Task_Work").listPage(0, count);
        AtomicInteger next = new AtomicInteger();
        long began = System.nanoTime();
        runInParallel(threads, () -> {
            int i;
            while ((i = next.getAndIncrement()) < open.size()) {
                tasks.complete(open.get(i).getId(), Map.of("outcome", "done " + i));
            }
        });
        return result(open.size(), began);
    }

    private static void runInParallel(int threads, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(work));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Object> result(int count, long began) {
        double seconds = (System.nanoTime() - began) / 1e9;
        return Map.of("count", count, "seconds", seconds, "perSecond", count / seconds);
    }
}
