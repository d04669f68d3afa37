package org.opensupervision.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sustained approval-event intake through the real API (issue 11): {@code --connections} senders, each the machine
 * user of its departments ({@code system-<code>}, HTTP Basic), each sending batches of {@code --batch} events (1,000)
 * one after the other, for {@code --duration} seconds. A batch is for one department and mixes the next lifecycle
 * event of that department's open cases (read from the database at start: 受理, 补正, special procedures, 审批, 办结,
 * 撤回 as their state allows) with new cases (申办), in the share {@code --new-share}; 0.5 % of the events are sent
 * again (a sender's retry: acknowledged as duplicates). A case advanced here goes to the back of its department's queue
 * and may be advanced again later in the run. Cases with {@code id % 10 = 0} are left alone (figure "card raised",
 * {@link ApprovalRaise}).
 */
final class ApprovalLoad {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final Pattern NUMBER = Pattern.compile("\"(accepted|duplicates)\"\\s*:\\s*(\\d+)");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final List<String> PROCEDURES = List.of("HEARING", "EXPERT_REVIEW", "TESTING", "PUBLIC_NOTICE");

    /** One open case as the sender knows it. */
    static final class Case {
        final String caseId;
        final Item item;
        String status;
        String stop;
        int sequence;

        Case(String caseId, Item item, String status, String stop, int sequence) {
            this.caseId = caseId;
            this.item = item;
            this.status = status;
            this.stop = stop;
            this.sequence = sequence;
        }
    }

    record Item(String code, String department, String caseType, boolean onlineRequired) {
    }

    private ApprovalLoad() {
    }

    static void run(Options options) throws Exception {
        URI base = URI.create(options.get("url"));
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        int connections = options.intValue("connections", 4);
        int batchSize = options.intValue("batch", 1000);
        double newShare = options.doubleValue("new-share", 0.4);
        long durationNanos = (long) (options.doubleValue("duration", 60) * 1e9);
        String run = options.get("run", Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36));

        Map<String, List<Item>> items = new HashMap<>();
        Map<String, ArrayDeque<Case>> open = new HashMap<>();
        try (Connection c = Db.connect(options.get("jdbc")); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select item_code, department_code, case_type, online_required"
                    + " from approval_item i where version = (select max(version) from approval_item j"
                    + " where j.item_code = i.item_code) order by item_code")) {
                while (rs.next()) {
                    Item item = new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
                    items.computeIfAbsent(item.department(), k -> new ArrayList<>()).add(item);
                }
            }
            Map<String, Item> byCode = new HashMap<>();
            items.values().forEach(list -> list.forEach(i -> byCode.put(i.code(), i)));
            s.setFetchSize(10_000);
            c.setAutoCommit(false);
            Map<String, List<Case>> read = new HashMap<>();
            try (ResultSet rs = s.executeQuery("select case_id, item_code, status, open_stops from approval_case"
                    + " where is_open and id % 10 <> 0")) {
                while (rs.next()) {
                    Item item = byCode.get(rs.getString(2));
                    if (item == null) {
                        continue;
                    }
                    read.computeIfAbsent(item.department(), k -> new ArrayList<>()).add(new Case(rs.getString(1),
                            item, rs.getString(3), rs.getString(4), 20));
                }
            }
            c.commit();
            Random shuffle = new Random(7);
            read.forEach((dept, list) -> {
                Collections.shuffle(list, shuffle);
                open.put(dept, new ArrayDeque<>(list));
            });
        }
        List<String> departments = new ArrayList<>(new java.util.TreeSet<>(items.keySet()));
        System.out.printf(Locale.ROOT, "open_cases_known=%d%n", open.values().stream().mapToLong(ArrayDeque::size)
                .sum());

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        LongAdder sent = new LongAdder();
        LongAdder accepted = new LongAdder();
        LongAdder duplicates = new LongAdder();
        LongAdder batches = new LongAdder();
        Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        AtomicLong newCases = new AtomicLong();
        Latencies latencies = new Latencies();
        long began = System.nanoTime();
        long deadline = began + durationNanos;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            List<String> mine = new ArrayList<>();
            for (int d = t; d < departments.size(); d += connections) {
                mine.add(departments.get(d));
            }
            int sender = t;
            Thread thread = new Thread(() -> {
                Random random = new Random(1000L + sender);
                Map<String, List<String>> sentByDepartment = new HashMap<>();
                int turn = 0;
                while (System.nanoTime() < deadline && !mine.isEmpty()) {
                    String dept = mine.get(turn++ % mine.size());
                    ArrayDeque<Case> queue = open.computeIfAbsent(dept, k -> new ArrayDeque<>());
                    List<String> sentBefore = sentByDepartment.computeIfAbsent(dept, k -> new ArrayList<>());
                    StringBuilder body = new StringBuilder(batchSize * 260).append("{\"events\":[");
                    String now = OffsetDateTime.now(CHINA).minusSeconds(1).format(ISO);
                    for (int i = 0; i < batchSize; i++) {
                        if (i > 0) {
                            body.append(',');
                        }
                        if (!sentBefore.isEmpty() && random.nextInt(200) == 0) {
                            body.append(sentBefore.get(random.nextInt(sentBefore.size())));
                            continue;
                        }
                        String event;
                        if (queue.isEmpty() || random.nextDouble() < newShare) {
                            List<Item> deptItems = items.get(dept);
                            Item item = deptItems.get(random.nextInt(deptItems.size()));
                            Case c = new Case("B" + run + "-" + newCases.incrementAndGet(), item, null, null, 0);
                            event = next(c, run, now, random);
                            queue.addLast(c);
                        } else {
                            Case c = queue.pollFirst();
                            event = next(c, run, now, random);
                            if (c.status != null) {
                                queue.addLast(c);
                            }
                        }
                        body.append(event);
                        if (sentBefore.size() < 2000) {
                            sentBefore.add(event);
                        } else {
                            sentBefore.set(random.nextInt(sentBefore.size()), event);
                        }
                    }
                    body.append("]}");
                    String user = "system-" + dept.toLowerCase(Locale.ROOT);
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/approval-events"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    (user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failures.computeIfAbsent("status_" + response.statusCode(), k -> new LongAdder())
                                    .increment();
                            System.err.println("batch failed: " + response.statusCode() + " " + response.body()
                                    .substring(0, Math.min(500, response.body().length())));
                            continue;
                        }
                        Matcher m = NUMBER.matcher(response.body());
                        while (m.find()) {
                            ("accepted".equals(m.group(1)) ? accepted : duplicates).add(Long.parseLong(m.group(2)));
                        }
                        Matcher codes = CODE.matcher(response.body());
                        boolean first = rejected.isEmpty();
                        while (codes.find()) {
                            rejected.computeIfAbsent(codes.group(1), k -> new LongAdder()).increment();
                        }
                        if (first && !rejected.isEmpty()) {
                            System.err.println("first rejection: " + response.body().substring(0,
                                    Math.min(600, response.body().length())));
                        }
                        sent.add(batchSize);
                        batches.increment();
                        latencies.add((System.nanoTime() - start) / 1000);
                    } catch (Exception ex) {
                        failures.computeIfAbsent("exception_" + ex.getClass().getSimpleName(), k -> new LongAdder())
                                .increment();
                    }
                }
            }, "approval-sender-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long refused = rejected.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf(Locale.ROOT, "senders=%d%nbatch_size=%d%nbatches=%d%nevents_sent=%d%nevents_accepted=%d%n"
                        + "events_duplicate=%d%nevents_rejected=%d%nnew_cases=%d%nseconds=%.1f%nevents_per_s=%.1f%n"
                        + "events_accepted_per_s=%.1f%nerrors=%d%n", connections, batchSize, batches.sum(), sent.sum(),
                accepted.sum(), duplicates.sum(), refused, newCases.get(), seconds, sent.sum() / seconds,
                accepted.sum() / seconds, failures.values().stream().mapToLong(LongAdder::sum).sum());
        new TreeMap<>(rejected).forEach((k, v) -> System.out.println("rejected_" + k + "=" + v.sum()));
        new TreeMap<>(failures).forEach((k, v) -> System.out.println("error_" + k + "=" + v.sum()));
        System.out.println(latencies.summary("batch_latency"));
    }

    /** The case's next event as JSON, its state advanced: what the department's system would report next. */
    static String next(Case c, String run, String now, Random random) {
        String type;
        String extra = "";
        Item item = c.item;
        double r = random.nextDouble();
        String channel = random.nextInt(4) == 0 && !item.onlineRequired() ? "COUNTER" : "ONLINE";
        if (c.status == null) {
            type = "SUBMITTED";
            c.status = "SUBMITTED";
        } else {
            switch (c.status) {
                case "SUBMITTED" -> {
                    if (r < 0.90) {
                        type = "ACCEPTED";
                        c.status = "ACCEPTED";
                    } else if (r < 0.95) {
                        type = "REFUSED_AT_INTAKE";
                        extra = ",\"reason\":\"不属于本机关职权范围 / Not within this authority's remit\"";
                        c.status = null;
                    } else {
                        type = "WITHDRAWN";
                        c.status = null;
                    }
                }
                case "ACCEPTED" -> {
                    if ("IMMEDIATE".equals(item.caseType()) && r < 0.9) {
                        type = "COMPLETED";
                        c.status = null;
                    } else if (r < 0.60) {
                        type = "DECIDED";
                        extra = ",\"decision\":\"APPROVED\"";
                        c.status = "DECIDED";
                    } else if (r < 0.65) {
                        type = "DECIDED";
                        extra = ",\"decision\":\"REFUSED\",\"reason\":\"申请材料不符合法定条件 / The application does not"
                                + " meet the statutory conditions\"";
                        c.status = "DECIDED";
                    } else if (r < 0.85) {
                        type = "CORRECTION_REQUESTED";
                        extra = ",\"reason\":\"缺少股东会决议 / The shareholders' resolution is missing\"";
                        c.status = "CORRECTION";
                        c.stop = "CORRECTION";
                    } else if (r < 0.95) {
                        type = "SPECIAL_PROCEDURE_STARTED";
                        c.stop = PROCEDURES.get(random.nextInt(PROCEDURES.size()));
                        extra = ",\"procedure\":\"" + c.stop + "\"";
                        c.status = "SPECIAL_PROCEDURE";
                    } else {
                        type = "WITHDRAWN";
                        c.status = null;
                    }
                }
                case "CORRECTION" -> {
                    type = "CORRECTION_RECEIVED";
                    c.status = "ACCEPTED";
                    c.stop = null;
                }
                case "SPECIAL_PROCEDURE" -> {
                    type = "SPECIAL_PROCEDURE_ENDED";
                    extra = ",\"procedure\":\"" + c.stop + "\"";
                    c.status = "ACCEPTED";
                    c.stop = null;
                }
                case "DECIDED" -> {
                    type = "COMPLETED";
                    c.status = null;
                }
                default -> throw new IllegalStateException(c.status);
            }
        }
        c.sequence++;
        return "{\"eventId\":\"" + item.department() + "-" + c.caseId + "-" + run + c.sequence + "\",\"caseId\":\""
                + c.caseId + "\",\"itemCode\":\"" + item.code() + "\",\"departmentCode\":\"" + item.department()
                + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + now + "\",\"channel\":\"" + channel + "\""
                + extra + "}";
    }
}
