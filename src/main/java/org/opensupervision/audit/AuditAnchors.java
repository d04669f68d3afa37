package org.opensupervision.audit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.crypto.Mac;

import org.opensupervision.secrets.HmacKey;
import org.opensupervision.secrets.KeyedDigest;
import org.opensupervision.secrets.KeyedDigests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily anchor of the chains' ends. A database superuser who deletes the last entries of a chain and sets its head
 * back leaves a shorter chain that verifies; the anchor remembers where every chain ended, outside the database. Once
 * a day every chain head (case, sequence, hash, and the retain-until of that entry) is written to a file of its own in
 * {@code supervision.audit.anchor.directory}, signed with an HMAC under the chain key. The command-line check reads the
 * newest anchor and reports a chain that no longer holds the entry the anchor saw ({@code ANCHOR_MISMATCH}), unless
 * the retention period of that entry has passed; a file that was altered fails its signature.
 */
@Component
class AuditAnchors {

    static final String HEADER = "audit-anchor v1 ";
    static final String SIGNATURE = "hmac ";
    static final String PREFIX = "audit-anchor-";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final KeyedDigest hmac;
    private final String directory;

    AuditAnchors(JdbcTemplate jdbc, Clock clock, KeyedDigests digests,
                 @Value("${supervision.audit.anchor.directory:}") String directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hmac = digests.of(HmacKey.AUDIT_CHAIN);
        this.directory = directory == null ? "" : directory.strip();
    }

    /** The configured directory, if anchoring is on. */
    Optional<Path> directory() {
        return directory.isEmpty() ? Optional.empty() : Optional.of(Path.of(directory));
    }

    /** Runs daily (default 00:15 China Standard Time) when a directory is configured. */
    @Scheduled(cron = "${supervision.audit.anchor.cron:0 15 0 * * *}", zone = "${supervision.calendar.zone:Asia/Shanghai}")
    void writeDaily() {
        directory().ifPresent(dir -> log.info("Audit chain heads anchored in {}", write(dir)));
    }

    /** Writes an anchor of every chain head into {@code dir} and returns the file. */
    Path write(Path dir) {
        Instant at = clock.instant();
        Mac mac = mac();
        try {
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, PREFIX, ".partial");
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                line(out, mac, HEADER + at);
                jdbc.query("select h.case_key, h.last_seq, h.last_hash, e.retain_until from audit_chain_head h "
                        + "join audit_entry e on e.case_key = h.case_key and e.seq = h.last_seq order by h.case_key",
                        rs -> {
                            try {
                                line(out, mac, rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " "
                                        + rs.getObject(4, OffsetDateTime.class).toInstant());
                            } catch (IOException ex) {
                                throw new UncheckedIOException(ex);
                            }
                        });
                out.write(SIGNATURE + HexFormat.of().formatHex(mac.doFinal()) + "\n");
            }
            Path anchor = dir.resolve(PREFIX + FILE_TIME.format(at) + ".txt");
            return Files.move(partial, anchor, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the audit anchor into " + dir, ex);
        }
    }

    /**
     * Checks the chains against the newest anchor in {@code dir}: every anchored chain end must still be in its
     * chain. Only the cases accepted by {@code target} ("all" or one tracking number) are checked.
     */
    AnchorCheck check(Path dir, String target) {
        Optional<Path> newest = newest(dir);
        if (newest.isEmpty()) {
            return new AnchorCheck(null, true, 0, List.of());
        }
        Path file = newest.get();
        Mac mac = mac();
        List<String[]> anchored = new ArrayList<>();
        String signature = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || !line.startsWith(HEADER)) {
                return new AnchorCheck(file, false, 0, List.of());
            }
            mac.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            while ((line = in.readLine()) != null) {
                if (line.startsWith(SIGNATURE)) {
                    signature = line.substring(SIGNATURE.length());
                    break;
                }
                mac.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                String[] fields = line.split(" ");
                if ("all".equalsIgnoreCase(target) || fields[0].equals(target)) {
                    anchored.add(fields);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the audit anchor " + file, ex);
        }
        boolean signed = signature != null && MessageDigest.isEqual(
                HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        if (!signed) {
            return new AnchorCheck(file, false, 0, List.of());
        }
        Instant now = clock.instant();
        List<ChainVerification> rolledBack = new ArrayList<>();
        for (String[] fields : anchored) {
            String caseKey = fields[0];
            long sequence = Long.parseLong(fields[1]);
            boolean present = !jdbc.queryForList("select 1 from audit_entry where case_key = ? and seq = ? "
                    + "and hash = ?", Integer.class, caseKey, sequence, hashBytes(fields[2])).isEmpty();
            boolean expired = Instant.parse(fields[3]).isBefore(now);
            if (!present && !expired) {
                Integer entries = jdbc.queryForObject("select count(*) from audit_entry where case_key = ?",
                        Integer.class, caseKey);
                rolledBack.add(ChainVerification.broken(caseKey, entries, sequence, "ANCHOR_MISMATCH"));
            }
        }
        return new AnchorCheck(file, true, anchored.size(), rolledBack);
    }

    /** An anchored hash (hex text) as the entry stores it; text that is no hex matches no entry. */
    private static byte[] hashBytes(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return new byte[0];
        }
    }

    private static Optional<Path> newest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            // The file names carry the UTC time, so the last in name order is the newest.
            return files.filter(f -> f.getFileName().toString().startsWith(PREFIX)
                    && f.getFileName().toString().endsWith(".txt")).max(Path::compareTo);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot list the audit anchors in " + dir, ex);
        }
    }

    private static void line(BufferedWriter out, Mac mac, String line) throws IOException {
        String text = line + "\n";
        mac.update(text.getBytes(StandardCharsets.UTF_8));
        out.write(text);
    }

    private Mac mac() {
        return hmac.newMac();
    }

    /**
     * The result of checking the chains against an anchor.
     *
     * @param file the anchor read, or null when there is none yet
     * @param signed whether its signature holds (a file with a broken signature is not read further)
     * @param chainEnds how many anchored chain ends were checked
     * @param rolledBack the chains that lost the entry their anchor saw
     */
    record AnchorCheck(Path file, boolean signed, int chainEnds, List<ChainVerification> rolledBack) {

        boolean intact() {
            return signed && rolledBack.isEmpty();
        }

        String describe() {
            if (file == null) {
                return "no audit anchor yet";
            }
            return signed ? "anchor " + file.getFileName() + ": " + chainEnds + " chain end(s) checked, "
                    + rolledBack.size() + " rolled back"
                    : "anchor " + file.getFileName() + " BROKEN: SIGNATURE";
        }
    }
}
