const { is } = require('bpmnlint-utils');

// ids Camunda Modeler generates: Activity_0x9f3kd, Gateway_1d2e3f4, Flow_0abc123, StartEvent_1, Process_1
const MODELER_DEFAULT = /^[A-Za-z]+_(\d+|(?=[0-9a-z]*\d)[0-9a-z]{7})$/;

/**
 * Every BPMN element carries a meaningful, type-prefixed id (Task_CallBorrower), never the
 * id Camunda Modeler generated for it.
 */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:BaseElement') || !node.id) {
      return;
    }
    if (MODELER_DEFAULT.test(node.id)) {
      reporter.report(node.id, `Element has the Modeler default id <${node.id}>; ` +
        'give it a meaningful, type-prefixed id such as Task_CallBorrower');
    }
  }
  return { check };
};
