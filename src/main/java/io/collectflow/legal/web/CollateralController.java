package io.collectflow.legal.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.legal.collateral.Collateral;
import io.collectflow.legal.collateral.CollateralService;
import io.collectflow.legal.collateral.LegalActionCollateralSync;
import io.collectflow.legal.collateral.NewCollateral;
import io.collectflow.security.audit.AuditLog;
import io.collectflow.web.FieldErrorAnswers;

/**
 * {@code /api/loans/{loanNo}/collateral} (D3): register an item securing the loan (managers,
 * administrators, legal) and list them (in-house staff). Bad input answers 422 naming the field, an
 * unknown loan 404. Every list read is an audit event ({@value #AUDIT_VIEW}, on the loan, with the number of items
 * shown): the borrower's assets, their values and how they were disposed of.
 */
@RestController
@FieldErrorAnswers
public class CollateralController {

    public static final String AUDIT_VIEW = "COLLATERAL_VIEW";

    private final CollateralService collateral;
    private final LegalActionCollateralSync legalActions;
    private final AuditLog audit;

    public CollateralController(CollateralService collateral, LegalActionCollateralSync legalActions, AuditLog audit) {
        this.collateral = collateral;
        this.legalActions = legalActions;
        this.audit = audit;
    }

    @GetMapping("/api/loans/{loanNo}/collateral")
    public List<Collateral> list(@PathVariable String loanNo, Authentication login) {
        List<Collateral> items = collateral.forLoan(loanNo);
        audit.record(login.getName(), AUDIT_VIEW, "loan", loanNo, "items=" + items.size());
        return items;
    }

    @PostMapping("/api/loans/{loanNo}/collateral")
    @Transactional
    public ResponseEntity<Collateral> register(@PathVariable String loanNo, @RequestBody NewCollateral item,
            Authentication auth) {
        Collateral registered = collateral.register(loanNo, item, auth.getName());
        legalActions.collateralChanged(loanNo);
        return ResponseEntity.status(HttpStatus.CREATED).body(registered);
    }
}
