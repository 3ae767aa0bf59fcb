// The demo shop's own script: the Handover command queue, and a page button that opens the
// chat through the JS API (it works even before the widget has loaded).
window.Handover = window.Handover || function () { (Handover.q = Handover.q || []).push(arguments); };
Handover('context', { page: 'orders', plan: 'demo' });
document.getElementById('open-chat').addEventListener('click', function () { Handover('open'); });
