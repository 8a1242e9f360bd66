const { is } = require('bpmnlint-utils');

/**
 * Every user task links its Camunda Form from the same deployment, so Tasklist shows the form
 * deployed together with the process version.
 */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    if (!node.get('camunda:formRef')) {
      reporter.report(node.id, 'User task must link a Camunda Form with camunda:formRef');
    } else if (node.get('camunda:formRefBinding') !== 'deployment') {
      reporter.report(node.id, 'User task must use camunda:formRefBinding="deployment"');
    }
  }
  return { check };
};
