// CollectFlow modelling conventions (see DESIGN.md, "Conventions"), used by .bpmnlintrc.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'meaningful-ids': 'error',
        'user-task-form-ref': 'error',
        'delegate-expression': 'error',
        'async-service-task': 'warn'
      }
    }
  }
};
