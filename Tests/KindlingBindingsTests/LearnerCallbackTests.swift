import XCTest
import KindlingBindings
import KindlingLanguage

/// fastai's callbacks through scripts: the events a fit sends and their order, the Learner
/// attributes a callback reads, the Cancel*Exceptions, and fit's `wd`. Expected values
/// recorded from fastai 2.8.12 running the same script.
final class LearnerCallbackTests: XCTestCase {
    func fastai() throws -> ScriptRunner {
        let r = ScriptRunner()
        try r.run("""
            from fastai.vision.all import *
            torch.manual_seed(0)
            x = torch.randn(8, 3); y = (x[:, :1] * 2)
            dls = DataLoaders(DataLoader(list(zip(x, y)), bs=4), DataLoader(list(zip(x[:4], y[:4])), bs=4))
            """)
        return r
    }

    func testEventsInFastaisOrderWithTheLearnersAttributes() throws {
        let r = try fastai()
        try r.run("""
            log = []
            class Tracer(Callback):
                def before_fit(self): log.append(('before_fit', self.n_epoch))
                def before_epoch(self): log.append(('before_epoch', self.epoch))
                def before_train(self): log.append(('before_train', self.training))
                def before_batch(self): log.append(('before_batch', self.iter, tuple(self.learn.xb[0].shape)))
                def after_pred(self): log.append(('after_pred', tuple(self.pred.shape)))
                def after_loss(self): log.append('after_loss')
                def before_backward(self): log.append('before_backward')
                def after_backward(self): log.append('after_backward')
                def after_step(self): log.append('after_step')
                def after_batch(self): log.append(('after_batch', self.train_iter))
                def after_train(self): log.append('after_train')
                def before_validate(self): log.append(('before_validate', self.training))
                def after_validate(self): log.append('after_validate')
                def after_epoch(self): log.append('after_epoch')
                def after_fit(self): log.append('after_fit')
            learn = Learner(dls, nn.Linear(3, 1), opt_func=SGD, loss_func=F.mse_loss, cbs=Tracer())
            with learn.no_logging(): learn.fit(1, 0.1)
            """)
        let batch = "('before_batch', ITER, (4, 3)), ('after_pred', (4, 1)), 'after_loss'"
        let train = batch + ", 'before_backward', 'after_backward', 'after_step', ('after_batch', DONE)"
        let expected = "[('before_fit', 1), ('before_epoch', 0), ('before_train', True), "
            + train.replacingOccurrences(of: "ITER", with: "0").replacingOccurrences(of: "DONE", with: "1") + ", "
            + train.replacingOccurrences(of: "ITER", with: "1").replacingOccurrences(of: "DONE", with: "2") + ", "
            + "'after_train', ('before_validate', False), "
            + batch.replacingOccurrences(of: "ITER", with: "0") + ", ('after_batch', 2), "
            + "'after_validate', 'after_epoch', 'after_fit']"
        XCTAssertEqual(try r.repr("log"), expected)
        XCTAssertEqual(try r.repr("learn.recorder.iters"), "[2]")
    }

    func testCancelExceptionsEndTheirPhase() throws {
        let r = try fastai()
        try r.run("""
            log2 = []
            class SkipFirst(Callback):
                def before_batch(self):
                    if self.training and self.iter == 0: raise CancelBatchException()
                def after_cancel_batch(self): log2.append(('cancelled', self.iter))
            class StopAfterOne(Callback):
                order = 5
                def after_step(self): raise CancelFitException()
                def after_cancel_fit(self): log2.append('fit cancelled')
                def after_fit(self): log2.append(('after_fit', self.train_iter))
            learn = Learner(dls, nn.Linear(3, 1), opt_func=SGD, loss_func=F.mse_loss)
            with learn.no_logging(): learn.fit(1, 0.1, cbs=[SkipFirst(), StopAfterOne()])
            """)
        XCTAssertEqual(try r.repr("log2"), "[('cancelled', 0), 'fit cancelled', ('after_fit', 1)]")
        XCTAssertEqual(try r.repr("len(learn.recorder.values)"), "0")
        XCTAssertEqual(r.error("""
            class Bad(Callback):
                def after_loss(self): raise ValueError("boom")
            with learn.no_logging(): learn.fit(1, cbs=Bad())
            """), "ValueError: Exception occured in `Bad` when calling event `after_loss`:\n\tboom")
        try r.run("with learn.no_logging(): learn.fit(3, 0.1, start_epoch=2)")
        XCTAssertEqual(try r.repr("[len(v) for v in learn.recorder.values], learn.recorder.iters"), "([0, 0, 2], [0, 0, 2])")
        XCTAssertEqual(r.error("learn.fit(1, cbs=3)"), "NotImplementedError: a callback that is not a fastai Callback subclass (int) is not supported by Kindling")
    }

    /// `Learner(wd=)` reaches the optimizer at fit time, `fit(wd=)` overrides it and stays.
    func testWeightDecayReachesTheOptimizerAtFit() throws {
        let r = try fastai()
        try r.run("""
            learn = Learner(dls, nn.Linear(3, 1), opt_func=SGD, loss_func=F.mse_loss, wd=0.1)
            learn.create_opt()
            before = learn.opt.hypers[0]['wd']
            with learn.no_logging(): learn.fit(1, 0.1)
            after_fit = learn.opt.hypers[0]['wd']
            with learn.no_logging(): learn.fit(1, 0.1, wd=0.5)
            """)
        XCTAssertEqual(try r.repr("(before, after_fit, learn.opt.hypers[0]['wd'])"), "(0.0, 0.1, 0.5)")
    }
}
