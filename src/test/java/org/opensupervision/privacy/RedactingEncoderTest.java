package org.opensupervision.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.opensupervision.privacy.logging.RedactingEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Both console formats of {@code logback-spring.xml} come out masked: the text pattern and structured JSON. */
class RedactingEncoderTest {

    final LoggerContext context = new LoggerContext();

    RedactingEncoderTest() {
        // Spring Boot's structured encoder reads the environment from the logger context, as Boot puts it there.
        context.putObject(Environment.class.getName(), new MockEnvironment());
    }

    private String encode(RedactingEncoder encoder) {
        encoder.setContext(context);
        encoder.start();
        LoggingEvent event = new LoggingEvent(RedactingEncoderTest.class.getName(), context.getLogger("mail"),
                Level.INFO, "to {} by {}", null, new Object[] {"li.si@example.cn", "13912345678"});
        event.setMDCPropertyMap(java.util.Map.of("callback", "13811112222"));
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void theTextPatternIsMasked() {
        RedactingEncoder encoder = new RedactingEncoder();
        encoder.setPattern("%m %X{callback}%n");

        assertThat(encode(encoder)).isEqualTo("to ***@example.cn by 139****5678 138****2222\n");
    }

    @Test
    void structuredJsonIsMaskedAndStaysValidJson() throws Exception {
        RedactingEncoder encoder = new RedactingEncoder();
        encoder.setStructuredFormat("ecs");

        JsonNode line = new ObjectMapper().readTree(encode(encoder));
        assertThat(line.get("message").asText()).isEqualTo("to ***@example.cn by 139****5678");
        assertThat(line.toString()).doesNotContain("li.si@", "13912345678", "13811112222");
    }

    @Test
    void aVeryLongMessageIsCutWithAMarkerAndStructuredJsonStaysValid() throws Exception {
        RedactingEncoder encoder = new RedactingEncoder();
        encoder.setStructuredFormat("ecs");
        encoder.setContext(context);
        encoder.start();
        String url = "/api/" + "a".repeat(1024 * 1024) + "?mail=li.si@example.cn";
        LoggingEvent event = new LoggingEvent(RedactingEncoderTest.class.getName(), context.getLogger("limits"),
                Level.WARN, "Rate limit reached on {}", null, new Object[] {"li.si@example.cn " + url});
        event.setMDCPropertyMap(java.util.Map.of());

        String encoded = new String(encoder.encode(event), StandardCharsets.UTF_8);

        JsonNode line = new ObjectMapper().readTree(encoded);
        assertThat(encoded.length()).isLessThan(16 * 1024);
        assertThat(line.get("message").asText()).startsWith("Rate limit reached on ***@example.cn /api/aaa")
                .endsWith("…[truncated " + (url.length() + "li.si@example.cn ".length()
                        + "Rate limit reached on ".length() - 8 * 1024) + " chars]");
    }
}
