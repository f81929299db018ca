// Another installed extension. The e2e test calls sendTo() from here to prove Social Desk refuses it.
self.sendTo = (extensionId, message) => chrome.runtime.sendMessage(extensionId, message);
