import Foundation

extension KernelRequestHandler {
    /// `kernel_info_reply`: who the kernel is and the language front ends should highlight.
    func kernelInfo() -> KernelJSON {
        [
            "status": "ok",
            "protocol_version": .string(MessageFactory.protocolVersion),
            "implementation": "kindling",
            "implementation_version": .string(implementationVersion),
            "language_info": [
                "name": "python",
                "version": "3.11",
                "mimetype": "text/x-python",
                "file_extension": ".py",
                "pygments_lexer": "ipython3",
                "codemirror_mode": ["name": "ipython", "version": 3],
                "nbconvert_exporter": "python",
            ],
            "banner": .string("Kindling \(implementationVersion): a Python subset with torch, fastai, pandas and matplotlib, natively"),
            "help_links": [
                ["text": "Python 3.11", "url": "https://docs.python.org/3.11/"],
                ["text": "PyTorch", "url": "https://pytorch.org/docs/stable/"],
                ["text": "fastai", "url": "https://docs.fast.ai/"],
            ],
            "debugger": false,
        ]
    }

    /// `shutdown_reply`: the kernel stops after answering (a running cell is interrupted);
    /// with `restart` the client starts a new one.
    func shutdown(_ request: KernelMessage) -> KernelJSON {
        let restart = request.content["restart"]?.boolValue ?? false
        lifecycle.requestStop(restart: restart)
        return ["status": "ok", "restart": .bool(restart)]
    }

    /// `interrupt_reply` (`interrupt_mode: "message"`).
    func interrupt() -> KernelJSON {
        lifecycle.interrupt()
        return ["status": "ok"]
    }
}
