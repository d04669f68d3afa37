package org.opensupervision.notification;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The mails written, newest first for the staff page. */
public interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

    /** One page of all mails. */
    Page<OutboundMail> findAllByOrderByCreatedAtDescIdDesc(Pageable page);

    /** The mails of one complaint, oldest first. */
    List<OutboundMail> findByTrackingNumberOrderByCreatedAtAscIdAsc(String trackingNumber);
}
