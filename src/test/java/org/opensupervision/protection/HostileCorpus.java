package org.opensupervision.protection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The fixed corpus of hostile input ({@code hostile-input/corpus.json}): strings for any field, raw path segments,
 * whole JSON bodies and byte sequences that are not UTF-8. Each entry keeps its label for the failure message.
 */
record HostileCorpus(List<Entry<String>> strings, List<Entry<String>> paths, List<Entry<String>> bodies,
                     List<Entry<byte[]>> bytes) {

    /** One hostile value and what it is. */
    record Entry<T>(String label, T value) {
    }

    static HostileCorpus load() {
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile-input/corpus.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Entry<byte[]>> bytes = new ArrayList<>();
            root.get("bytes").forEach(e -> bytes.add(new Entry<>(e.get(0).asText(),
                    HexFormat.of().parseHex(e.get(1).asText()))));
            return new HostileCorpus(texts(root.get("strings")), texts(root.get("paths")), texts(root.get("bodies")),
                    bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Entry<String>> texts(JsonNode entries) {
        List<Entry<String>> texts = new ArrayList<>();
        entries.forEach(e -> texts.add(new Entry<>(e.get(0).asText(), build(e.get(1)))));
        return texts;
    }

    /** A literal, or a value too large to write down: {repeat, times}, {nest}, {keys}, {longString}. */
    private static String build(JsonNode spec) {
        if (spec.isTextual()) {
            return spec.asText();
        }
        if (spec.has("repeat")) {
            return spec.get("repeat").asText().repeat(spec.get("times").asInt());
        }
        if (spec.has("nest")) {
            int depth = spec.get("nest").asInt();
            return "{\"a\":[".repeat(depth) + "1" + "]}".repeat(depth);
        }
        if (spec.has("keys")) {
            StringBuilder body = new StringBuilder("{");
            for (int i = 0; i < spec.get("keys").asInt(); i++) {
                body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
            }
            return body.append('}').toString();
        }
        return "{\"title\":\"" + "x".repeat(spec.get("longString").asInt()) + "\"}";
    }

    /** Every string of the corpus, for the generators to draw from. */
    List<String> stringValues() {
        return strings.stream().map(Entry::value).toList();
    }
}
