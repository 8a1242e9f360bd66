// Borrower 360° view: renders GET /api/borrowers/{id}/profile (or /api/loans/{loanNo}/borrower-profile).
// Every value is written with textContent; data never reaches innerHTML.
(function () {
  'use strict';
  const main = document.getElementById('profile');
  const params = new URLSearchParams(window.location.search);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function table(title, rows, columns) {
    const section = el('section');
    section.appendChild(el('h2', title));
    if (!rows || rows.length === 0) {
      section.appendChild(el('p', 'none', 'empty'));
      return section;
    }
    const t = el('table');
    const head = el('tr');
    columns.forEach(c => head.appendChild(el('th', c[1])));
    t.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    rows.forEach(r => {
      const tr = el('tr');
      columns.forEach(c => {
        const v = typeof c[2] === 'function' ? c[2](r) : r[c[0]];
        const td = el('td', v === null || v === undefined ? '' : v);
        if (c[0] === 'grade') { td.className = 'grade-' + String(v); }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    section.appendChild(t);
    return section;
  }

  // Identity and contact data are fetched only on request: GET /api/borrowers/{id} records every read in the
  // audit log and answers in full only for the roles that contact borrowers (masked for everyone else).
  function contactData(borrowerId) {
    const section = el('section');
    section.id = 'contact-data';
    section.appendChild(el('h2', 'Identity and contact data'));
    const note = el('p', 'Shown on request; every view is recorded in the audit log.', 'empty');
    const button = el('button', 'Show contact data');
    button.type = 'button';
    button.addEventListener('click', () => {
      button.disabled = true;
      fetch('/api/borrowers/' + encodeURIComponent(borrowerId),
        { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(r => r.ok ? r.json() : Promise.reject(new Error('Error ' + r.status)))
        .then(b => {
          const list = el('dl');
          [['Phone', 'phone'], ['E-mail', 'email'], ['Address', 'address'], ['ID number', 'idNumber']]
            .forEach(([label, name]) => {
              list.appendChild(el('dt', label));
              const value = el('dd', b[name] === null || b[name] === undefined ? '' : b[name]);
              value.dataset.field = name;
              list.appendChild(value);
            });
          note.textContent = b.masked ? 'Masked for your role; this view was recorded in the audit log.'
            : 'This view was recorded in the audit log.';
          button.replaceWith(list);
          const history = el('div');
          history.id = 'contact-data-changes';
          section.appendChild(history);
          showChanges(borrowerId, history);
          if (!b.masked) { section.appendChild(contactDataForm(borrowerId, b, () => showChanges(borrowerId, history))); }
        })
        .catch(e => { note.textContent = e.message; button.disabled = false; });
    });
    section.appendChild(note);
    section.appendChild(button);
    return section;
  }

  // Who changed the contact data, when and from which source (GET …/contact-data/changes, audited like the data).
  function showChanges(borrowerId, target) {
    fetch('/api/borrowers/' + encodeURIComponent(borrowerId) + '/contact-data/changes',
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(r => r.ok ? r.json() : Promise.reject(new Error('Error ' + r.status)))
      .then(changes => target.replaceChildren(table('Contact data changes', changes, [['changedAt', 'When'],
        ['changedBy', 'By'], ['source', 'Source'],
        ['fields', 'Changed', c => Object.entries(c.fields).map(([f, v]) => f + ': ' + (v[0] || '—') + ' → ' + (v[1] || '—'))
          .join('; ')], ['note', 'Note']])))
      .catch(e => target.replaceChildren(el('p', e.message, 'error')));
  }

  // New phone, e-mail or address (a skip trace found a number, the borrower moved): PATCH
  // /api/borrowers/{id}/contact-data for the roles that see the data in full; only changed fields are sent.
  function contactDataForm(borrowerId, current, saved) {
    const form = el('form');
    form.id = 'contact-data-form';
    form.appendChild(el('h3', 'Update contact data'));
    const fields = {};
    [['phone', 'Phone', current.phone], ['email', 'E-mail (empty removes it)', current.email],
      ['address', 'Address', current.address], ['note', 'Note', '']].forEach(([name, label, value]) => {
      const input = el('input');
      input.name = name;
      input.value = value || '';
      fields[name] = input;
      const l = el('label', label + ' ');
      l.appendChild(input);
      form.appendChild(l);
    });
    const source = el('select');
    source.name = 'source';
    [['SKIP_TRACE', 'Skip trace'], ['BORROWER', 'The borrower'], ['THIRD_PARTY', 'A third party'],
      ['VISIT', 'A visit'], ['OTHER', 'Other']].forEach(([value, label]) => {
      const option = el('option', label);
      option.value = value;
      source.appendChild(option);
    });
    const sourceLabel = el('label', 'Source ');
    sourceLabel.appendChild(source);
    form.appendChild(sourceLabel);
    const save = el('button', 'Save');
    save.type = 'submit';
    form.appendChild(save);
    const result = el('p', '', 'empty');
    form.appendChild(result);
    form.addEventListener('submit', event => {
      event.preventDefault();
      const body = { source: source.value, note: fields.note.value };
      ['phone', 'email', 'address'].forEach(name => {
        if (fields[name].value !== (current[name] || '')) { body[name] = fields[name].value; }
      });
      save.disabled = true;
      fetch('/api/borrowers/' + encodeURIComponent(borrowerId) + '/contact-data', {
        method: 'PATCH', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body)
      })
        .then(r => r.json().then(j => r.ok ? j : Promise.reject(new Error(j.error || j.message || 'Error ' + r.status))))
        .then(o => {
          result.className = 'empty';
          result.textContent = o.changed.length === 0 ? 'Nothing changed.'
            : 'Saved: ' + o.changed.join(', ') + ' (' + o.casesUpdated + ' running case(s) updated).';
          ['phone', 'email', 'address'].forEach(name => {
            current[name] = fields[name].value;
            const shown = document.querySelector('#contact-data dd[data-field="' + name + '"]');
            if (shown) { shown.textContent = fields[name].value; }
          });
          if (o.changed.length > 0) { saved(); }
        })
        .catch(e => { result.className = 'error'; result.textContent = e.message; })
        .finally(() => { save.disabled = false; });
    });
    return form;
  }

  function render(p) {
    main.replaceChildren();
    main.appendChild(el('h2', p.name + ' (' + p.borrowerId + ')'));
    main.appendChild(el('p', 'Region ' + p.region + ', time zone ' + p.timezone));
    main.appendChild(contactData(p.borrowerId));
    main.appendChild(table('Loans', p.loans, [['loanNo', 'Loan'], ['product', 'Product'], ['status', 'Status'],
      ['dpd', 'DPD'], ['bucket', 'Bucket'], ['overdueAmount', 'Overdue'], ['lastScanOn', 'Last scan']]));
    const history = [];
    p.loans.forEach(l => (l.bucketHistory || []).forEach(h => history.push(Object.assign({ loanNo: l.loanNo }, h))));
    main.appendChild(table('DPD / bucket history', history, [['loanNo', 'Loan'], ['asOf', 'As of'],
      ['fromBucket', 'From'], ['toBucket', 'To'], ['dpd', 'DPD'], ['overdueAmount', 'Overdue']]));
    main.appendChild(table('Risk history', p.riskHistory, [['scoredAt', 'Scored at'], ['loanNo', 'Loan'],
      ['score', 'Score'], ['grade', 'Grade'], ['overdueReason', 'Overdue reason'], ['malicious', 'Malicious'],
      ['triggerEvent', 'Trigger']]));
    main.appendChild(table('Promises to pay', p.promises, [['loanNo', 'Loan'], ['promisedOn', 'Made on'],
      ['promiseDate', 'Promised for'], ['amount', 'Amount'], ['keptAmount', 'Paid'], ['status', 'Status'],
      ['channel', 'Channel'], ['collector', 'Collector']]));
    main.appendChild(table('Repayment plans', p.plans, [['id', 'Plan'], ['loanNo', 'Loan'], ['status', 'Status'],
      ['totalAmount', 'Total'], ['installmentCount', 'Installments'], ['withinPolicy', 'Within policy'],
      ['confirmationMode', 'Confirmation'], ['installments', 'Schedule',
        r => (r.installments || []).map(i => i.seq + ': ' + i.dueOn + ' ' + i.amount + ' ' + i.status).join('; ')]]));
    main.appendChild(table('Collector reports', p.contactReports, [['recordedAt', 'When'], ['loanNo', 'Loan'],
      ['channel', 'Channel'], ['reached', 'Reached'], ['outcome', 'Outcome'], ['overdueReason', 'Reason'],
      ['notes', 'Notes'], ['recordedBy', 'By']]));
    main.appendChild(table('Contact log', p.contacts, [['occurredAt', 'When'], ['loanNo', 'Loan'],
      ['channel', 'Channel'], ['purpose', 'Purpose'], ['result', 'Result'], ['operatorId', 'Operator'],
      ['summary', 'Summary']]));
    main.appendChild(table('Complaints', p.complaints, [['complaintNo', 'Complaint'], ['receivedAt', 'Received'],
      ['channel', 'Channel'], ['category', 'Category'], ['status', 'Status'], ['decision', 'Decision'],
      ['complaintText', 'Text']]));
  }

  function load() {
    const borrower = params.get('borrower');
    const loan = params.get('loan');
    document.getElementById('borrower-input').value = borrower || '';
    document.getElementById('loan-input').value = loan || '';
    if (!borrower && !loan) {
      main.replaceChildren(el('p', 'Enter a borrower id or a loan number.', 'empty'));
      return;
    }
    const url = borrower ? '/api/borrowers/' + encodeURIComponent(borrower) + '/profile'
      : '/api/loans/' + encodeURIComponent(loan) + '/borrower-profile';
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(r => r.ok ? r.json() : Promise.reject(new Error(r.status === 404 ? 'Not found.' : 'Error ' + r.status)))
      .then(render)
      .catch(e => main.replaceChildren(el('p', e.message, 'error')));
  }

  load();
})();
