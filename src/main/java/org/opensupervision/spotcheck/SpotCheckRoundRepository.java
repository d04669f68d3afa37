package org.opensupervision.spotcheck;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpotCheckRoundRepository extends JpaRepository<SpotCheckRound, Long> {

    List<SpotCheckRound> findAllByOrderByDrawnAtDescIdDesc();
}
