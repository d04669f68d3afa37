package org.opensupervision.discipline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DossierUnsealingRepository extends JpaRepository<DossierUnsealing, Long> {

    List<DossierUnsealing> findByDisciplinaryCaseIdOrderByUnsealedAt(Long disciplinaryCaseId);
}
