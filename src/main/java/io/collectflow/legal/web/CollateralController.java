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
import io.collectflow.web.FieldErrorAnswers;

/**
 * {@code /api/loans/{loanNo}/collateral} (D3): register an item securing the loan (managers,
 * administrators, legal) and list them (in-house staff). Bad input answers 422 naming the field, an
 * unknown loan 404.
 */
@RestController
@FieldErrorAnswers
public class CollateralController {

    private final CollateralService collateral;
    private final LegalActionCollateralSync legalActions;

    public CollateralController(CollateralService collateral, LegalActionCollateralSync legalActions) {
        this.collateral = collateral;
        this.legalActions = legalActions;
    }

    @GetMapping("/api/loans/{loanNo}/collateral")
    public List<Collateral> list(@PathVariable String loanNo) {
        return collateral.forLoan(loanNo);
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
