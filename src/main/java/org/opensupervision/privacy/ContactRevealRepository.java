package org.opensupervision.privacy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRevealRepository extends JpaRepository<ContactReveal, Long> {

    List<ContactReveal> findByTrackingNumberOrderByGrantedAtAscIdAsc(String trackingNumber);

    List<ContactReveal> findByTrackingNumberAndRevokedAtIsNullOrderByIdAsc(String trackingNumber);
}
