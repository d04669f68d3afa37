package org.opensupervision.approval;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a batch: how many events were kept, how many were known already, and each refused event with a
 * machine-readable code ({@code INVALID}, {@code UNKNOWN_ITEM}, {@code WRONG_DEPARTMENT}, {@code IMPOSSIBLE_TRANSITION}).
 */
@Schema(description = "一批事件的结果 / What became of each event of a batch")
public record EventBatchResult(
        @Schema(description = "保存的事件数 / Events kept") int accepted,
        @Schema(description = "已收到过、被忽略的事件数（相同 eventId）/ Events known already (same eventId), ignored")
        int duplicates,
        @Schema(description = "被拒的事件，按 index 排序 / The refused events, by index") List<Rejected> rejected) {

    /** One refused event: its position in the batch (from 0), its id, why. */
    @Schema(description = "被拒的一条事件 / One refused event")
    public record Rejected(
            @Schema(description = "在批次中的位置，从0起 / Position in the batch, from 0") int index,
            @Schema(description = "事件编号（若有）/ The event's id, if it had one") String eventId,
            @Schema(description = "机读原因 / Machine-readable reason", allowableValues = {"INVALID", "UNKNOWN_ITEM",
                    "WRONG_DEPARTMENT", "IMPOSSIBLE_TRANSITION"}) String code,
            @Schema(description = "说明（中文 / English）/ Explanation in Chinese and English") String message) {
    }
}
