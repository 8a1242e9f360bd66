package io.collectflow.arrangement.profile;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The borrower's 360° view (E3), by borrower id or by one of the borrower's loans. Login required. */
@RestController
public class BorrowerProfileController {

    private final BorrowerProfileService profiles;

    public BorrowerProfileController(BorrowerProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/borrowers/{borrowerId}/profile")
    public Map<String, Object> profile(@PathVariable String borrowerId) {
        return profiles.profile(borrowerId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no borrower " + borrowerId));
    }

    @GetMapping("/api/loans/{loanNo}/borrower-profile")
    public Map<String, Object> profileOfLoan(@PathVariable String loanNo) {
        return profile(profiles.borrowerOfLoan(loanNo)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no loan " + loanNo)));
    }
}
