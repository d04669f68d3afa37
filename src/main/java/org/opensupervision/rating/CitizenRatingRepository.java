package org.opensupervision.rating;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CitizenRatingRepository extends JpaRepository<CitizenRating, Long> {

    Optional<CitizenRating> findByTrackingNumberAndRound(String trackingNumber, int round);

    List<CitizenRating> findByTrackingNumberOrderByRound(String trackingNumber);
}
