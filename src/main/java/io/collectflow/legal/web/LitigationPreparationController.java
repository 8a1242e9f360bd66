package io.collectflow.legal.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.legal.LitigationPreparationService;
import io.collectflow.legal.LitigationPreparationService.Prepared;
import io.collectflow.web.FieldErrorAnswers;

/**
 * {@code GET /api/loans/{loanNo}/litigation-preparations} (C5/D3): the litigation files prepared for the loan
 * (Prepare litigation of lost-contact.bpmn), oldest first, for in-house staff as the loan's collateral. An unknown
 * loan answers 404.
 */
@RestController
@FieldErrorAnswers
public class LitigationPreparationController {

    private final LitigationPreparationService preparations;

    public LitigationPreparationController(LitigationPreparationService preparations) {
        this.preparations = preparations;
    }

    @GetMapping("/api/loans/{loanNo}/litigation-preparations")
    public List<Prepared> list(@PathVariable String loanNo) {
        return preparations.forLoan(loanNo);
    }
}
