const { isAny } = require('bpmnlint-utils');

/**
 * Service-like tasks that call our code (delegates, expressions, scripts) start in their own
 * transaction (asyncBefore) and declare how often a failed job is retried
 * (camunda:failedJobRetryTimeCycle) before it becomes an incident. A business rule task that
 * evaluates a DMN decision inside the engine (camunda:decisionRef) needs neither.
 */
module.exports = function() {
  function retryCycle(node) {
    const extensions = node.get('extensionElements');
    const values = extensions ? extensions.get('values') : [];
    return values.some((value) => value.$type === 'camunda:FailedJobRetryTimeCycle' && value.body);
  }

  function check(node, reporter) {
    if (!isAny(node, [ 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:ScriptTask' ])) {
      return;
    }
    if (node.get('camunda:decisionRef')) {
      return;
    }
    if (!node.get('camunda:asyncBefore') && !node.get('camunda:async')) {
      reporter.report(node.id, 'Service task should be camunda:asyncBefore="true"');
    } else if (!retryCycle(node)) {
      reporter.report(node.id, 'Asynchronous service task should declare camunda:failedJobRetryTimeCycle');
    }
  }
  return { check };
};
