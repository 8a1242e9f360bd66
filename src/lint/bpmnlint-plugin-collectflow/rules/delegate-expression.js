const { isAny } = require('bpmnlint-utils');

/**
 * Java delegates are Spring beans referenced by camunda:delegateExpression="${beanName}";
 * camunda:class bypasses the Spring context and is not allowed.
 */
module.exports = function() {
  function check(node, reporter) {
    if (!isAny(node, [ 'bpmn:Task', 'bpmn:MessageEventDefinition' ])) {
      return;
    }
    if (node.get('camunda:class')) {
      reporter.report(node.id, `Use camunda:delegateExpression="\${beanName}" instead of camunda:class`);
    }
  }
  return { check };
};
