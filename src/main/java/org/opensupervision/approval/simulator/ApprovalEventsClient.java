package org.opensupervision.approval.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opensupervision.approval.ApprovalEventInput;
import org.opensupervision.approval.EventBatchResult;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The departments' systems as the simulator plays them: {@code POST /api/approval-events} over HTTP, as the
 * department's machine user {@code system-<code>} with HTTP Basic (password = id, the embedded default's demo users).
 */
class ApprovalEventsClient {

    private final RestClient rest;

    /**
     * @param builder Spring's builder (Boot's message converters)
     * @param baseUrl the application's own address, e.g. {@code http://127.0.0.1:8080}
     */
    ApprovalEventsClient(RestClient.Builder builder, String baseUrl) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.rest = builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
    }

    /**
     * Sends one batch of a department's events.
     *
     * @throws org.springframework.web.client.RestClientException when the batch did not reach the API or the API
     *                                                            refused it whole (an HTTP error)
     */
    EventBatchResult send(String departmentCode, List<ApprovalEventInput> events) {
        String user = "system-" + departmentCode.toLowerCase(Locale.ROOT);
        return rest.post().uri("/api/approval-events")
                .headers(headers -> headers.setBasicAuth(user, user))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("events", events))
                .retrieve()
                .body(EventBatchResult.class);
    }
}
