-- Who recorded a collateral disposal (D3/F5): the user who completed Dispose of collateral, as its audit event
-- COLLATERAL_DISPOSED names. NULL when unknown.
ALTER TABLE collateral_disposal ADD COLUMN recorded_by VARCHAR(128);

-- Back-fill from the audit trail (read only; audit_event is never changed). Disposals are few, so the correlated
-- look-ups scanning audit_event are fine. An actor 'system' (no completing user was known) stays unknown.
-- 1. The COLLATERAL_DISPOSED event naming the disposal: "... (disposal <id>)" on the loan.
UPDATE collateral_disposal SET recorded_by = (
    SELECT MIN(a.actor) FROM audit_event a
     WHERE a.action = 'COLLATERAL_DISPOSED' AND a.subject_type = 'loan' AND a.subject_id = collateral_disposal.loan_no
       AND a.actor <> 'system'
       AND a.details LIKE ('%(disposal ' || CAST(collateral_disposal.id AS VARCHAR(20)) || ')'))
 WHERE recorded_by IS NULL;

-- 2. Disposals recorded before that event existed: the completion of Task_DisposeCollateral (TASK_COMPLETE, details
--    "taskDefinitionKey=Task_DisposeCollateral; processInstanceId=…; businessKey=<loan>"), only where it is
--    unambiguous: the loan's one disposal and the loan's one such completion.
UPDATE collateral_disposal SET recorded_by = (
    SELECT MIN(a.actor) FROM audit_event a
     WHERE a.action = 'TASK_COMPLETE' AND a.subject_type = 'task' AND a.actor <> 'system'
       AND a.details LIKE 'taskDefinitionKey=Task!_DisposeCollateral;%' ESCAPE '!'
       AND RIGHT(a.details, LENGTH(collateral_disposal.loan_no) + 14) = ('; businessKey=' || collateral_disposal.loan_no))
 WHERE recorded_by IS NULL
   AND (SELECT COUNT(*) FROM collateral_disposal o WHERE o.loan_no = collateral_disposal.loan_no) = 1
   AND (SELECT COUNT(*) FROM audit_event a
         WHERE a.action = 'TASK_COMPLETE' AND a.subject_type = 'task'
           AND a.details LIKE 'taskDefinitionKey=Task!_DisposeCollateral;%' ESCAPE '!'
           AND RIGHT(a.details, LENGTH(collateral_disposal.loan_no) + 14)
               = ('; businessKey=' || collateral_disposal.loan_no)) = 1;
