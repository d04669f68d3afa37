package org.opensupervision.spotcheck;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code supervision.spot-check.*}: when the spot check runs ({@code cycle}, an ISO 8601 repeating interval or a
 * Quartz cron expression as the engine's timers accept them), which period it samples (the {@code period} before the
 * start of the day it runs, in China Standard Time), the sampling rate per department, the weights, and an optional
 * fixed seed (unset: a fresh random seed per round, recorded with the round).
 */
@Validated
@ConfigurationProperties("supervision.spot-check")
public record SpotCheckProperties(@NotBlank String cycle, @NotNull Duration period,
                                  @DecimalMin("0.0") @DecimalMax("1.0") double defaultRate,
                                  Map<String, Double> rates, @Min(0) int minimumPerDepartment,
                                  @Min(1) int breachWeight, @Min(1) int badRatingWeight, Long seed) {

    public SpotCheckProperties {
        rates = rates == null ? Map.of() : Map.copyOf(rates);
    }

    /** The sampling rate of a department: its own if configured, else the default. */
    public double rateOf(String departmentCode) {
        return rates.getOrDefault(departmentCode, defaultRate);
    }
}
