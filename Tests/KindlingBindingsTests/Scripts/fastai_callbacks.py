# fastai's callbacks: the events a fit sends and their order, the Learner's attributes as a
# callback sees them, each Cancel*Exception ending its phase, callbacks replacing pred and
# loss, order and run flags, cbs= on Learner/fit/fit_one_cycle/fine_tune/validate, and fit's wd.
from fastai.vision.all import *

EVENTS = ['after_create', 'before_fit', 'before_epoch', 'before_train', 'before_batch', 'after_pred',
          'after_loss', 'before_backward', 'after_backward', 'before_step', 'after_step', 'after_batch',
          'after_train', 'before_validate', 'after_validate', 'after_epoch', 'after_fit',
          'after_cancel_fit', 'after_cancel_epoch', 'after_cancel_train', 'after_cancel_validate',
          'after_cancel_batch', 'after_cancel_backward', 'after_cancel_step']

torch.manual_seed(0)
x = torch.randn(12, 3)
y = x @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.3
dls = DataLoaders(DataLoader(list(zip(x[:8], y[:8])), bs=4), DataLoader(list(zip(x[8:], y[8:])), bs=2))

def r(v, n=4): return round(float(v), n)
def shape(t): return tuple(t.shape)

def mean_abs(pred, targ): return (pred - targ).abs().mean()

def learner(**kw):
    torch.manual_seed(1)
    return Learner(dls, nn.Linear(3, 1), opt_func=SGD, loss_func=F.mse_loss, metrics=[mean_abs], **kw)

def quiet_fit(learn, *args, **kw):
    with learn.no_bar(), learn.no_logging(): learn.fit(*args, **kw)

print("-- every event, with what the Learner shows")
class Tracer(Callback):
    def __init__(self): self.log = []
    def before_fit(self): self.log.append(('before_fit', self.n_epoch, self.epoch, self.train_iter, self.pct_train))
    def before_epoch(self): self.log.append(('before_epoch', self.epoch))
    def before_train(self): self.log.append(('before_train', self.training, r(self.pct_train)))
    def before_batch(self): self.log.append(('before_batch', self.iter, self.n_iter, self.training, shape(self.xb[0]), shape(self.yb[0])))
    def after_pred(self): self.log.append(('after_pred', shape(self.pred)))
    def after_loss(self): self.log.append(('after_loss', r(self.loss)))
    def before_backward(self): self.log.append('before_backward')
    def after_backward(self): self.log.append(('after_backward', r(self.learn.model.weight.grad.abs().sum())))
    def before_step(self): self.log.append('before_step')
    def after_step(self): self.log.append('after_step')
    def after_batch(self): self.log.append(('after_batch', self.train_iter, r(self.pct_train)))
    def after_train(self): self.log.append('after_train')
    def before_validate(self): self.log.append(('before_validate', self.training))
    def after_validate(self): self.log.append('after_validate')
    def after_epoch(self): self.log.append(('after_epoch', self.epoch))
    def after_fit(self): self.log.append('after_fit')

tracer = Tracer()
learn = learner(cbs=tracer)
quiet_fit(learn, 2, 0.1)
for e in tracer.log: print(e)
print([[r(v) for v in row] for row in learn.recorder.values])
print([r(v) for v in learn.recorder.losses], learn.recorder.iters, learn.recorder.lrs)
print(learn.epoch, learn.n_epoch, learn.train_iter, r(learn.pct_train), learn.training, learn.pred, learn.loss, learn.xb, learn.yb)

print("-- each Cancel*Exception ends its phase")
class Probe(Callback):
    "Logs every event's name and raises `exc` at `event` when `when(self)` holds."
    def __init__(self, event=None, exc=None, when=lambda cb: True, order=1):
        self.event, self.exc, self.when, self.log, self.order = event, exc, when, [], order

def _probe_event(name):
    def handler(self):
        self.log.append(name)
        if name == self.event and self.when(self): raise self.exc()
    return handler
for _name in EVENTS: setattr(Probe, _name, _probe_event(_name))

def cancel(event, exc, when=lambda cb: True, epochs=1, order=1):
    probe = Probe(event, exc, when, order)
    learn = learner()
    w0 = learn.model.weight.detach().clone()
    quiet_fit(learn, epochs, 0.1, cbs=probe)
    print(exc.__name__, 'at', event)
    print('  ', ' '.join(probe.log))
    print('   values', [[None if v is None else r(v) for v in row] for row in learn.recorder.values],
          'iters', learn.recorder.iters, 'losses', [r(v) for v in learn.recorder.losses], 'moved', bool((learn.model.weight != w0).any()))

cancel('before_batch', CancelBatchException, lambda cb: cb.training and cb.iter == 0)
cancel('after_pred', CancelBatchException, lambda cb: not cb.training)
cancel('before_backward', CancelBackwardException)
cancel('before_step', CancelStepException)
cancel('before_batch', CancelTrainException, lambda cb: cb.training and cb.iter == 1)
cancel('before_validate', CancelValidException)
cancel('after_train', CancelEpochException, lambda cb: cb.epoch == 0, epochs=2)
cancel('before_epoch', CancelEpochException, lambda cb: cb.epoch == 1, epochs=2, order=55)
cancel('after_step', CancelFitException, lambda cb: cb.train_iter == 2, epochs=2)
cancel('before_fit', CancelFitException, order=55)

learn = learner()
quiet_fit(learn, 3, 0.1, start_epoch=2)
print('start_epoch=2', [[r(v) for v in row] for row in learn.recorder.values], learn.recorder.iters, learn.train_iter, learn.epoch)

print("-- an error in a callback names it and the event")
class Bad(Callback):
    def after_loss(self): raise ValueError("boom")
learn = learner()
try: quiet_fit(learn, 1, cbs=Bad())
except ValueError as e: print(type(e).__name__, e.args)

print("-- callbacks may replace pred and loss")
class ZeroPred(Callback):
    def after_pred(self): self.learn.pred = self.pred * 0
class SeeLoss(Callback):
    order = 2
    def __init__(self): self.seen = []
    def after_loss(self): self.seen.append(r(self.loss))
see = SeeLoss()
learn = learner()
quiet_fit(learn, 1, 0.1, cbs=[ZeroPred(), see])
print(see.seen, [[r(v) for v in row] for row in learn.recorder.values], [r(v) for v in learn.model.weight.flatten()])
class BigLoss(Callback):
    def after_loss(self): self.learn.loss = self.loss * 0 + 100
learn = learner()
quiet_fit(learn, 1, 0.1, cbs=BigLoss())
print([r(v) for v in learn.recorder.losses], [[r(v) for v in row] for row in learn.recorder.values],
      [r(v) for v in learn.model.weight.flatten()])

print("-- order, run, run_train, run_valid")
order_log = []
class Named(Callback):
    def __init__(self, tag, order=0, **flags):
        self.tag, self.order = tag, order
        for k, v in flags.items(): setattr(self, k, v)
    def before_batch(self): order_log.append((self.tag, self.training))
    def after_epoch(self): order_log.append((self.tag, 'after_epoch'))
learn = learner(cbs=[Named('a', 5), Named('b', -20, run_valid=False)])
quiet_fit(learn, 1, 0.1, cbs=[Named('c', run_train=False), Named('d', 5)])
print(order_log)
class Sleeper(Callback):
    def __init__(self): self.calls = []
    def before_fit(self): self.calls.append('before_fit'); self.run = False
    def before_batch(self): self.calls.append('before_batch')
    def after_fit(self): self.calls.append('after_fit')
sleeper = Sleeper()
learn = learner(cbs=sleeper)
quiet_fit(learn, 1, 0.1)
print(sleeper.calls, sleeper.run)

print("-- fit's cbs= last one fit; Learner's stay")
class Count(Callback):
    def __init__(self): self.n = 0
    def before_fit(self): self.n += 1
kept, once = Count(), Count()
learn = learner(cbs=kept)
quiet_fit(learn, 1, 0.1, cbs=once)
quiet_fit(learn, 1, 0.1)
print(kept.n, once.n)

print("-- add_cb, remove_cb, the Learner's attribute named after the callback")
learn = learner()
counter = Count()
learn.add_cb(counter)
print(learn.count is counter, counter.learn is learn, counter.name, Tracer().name)
quiet_fit(learn, 1, 0.1)
learn.remove_cb(counter)
quiet_fit(learn, 1, 0.1)
print(counter.n, counter.learn, hasattr(learn, 'count'))
learn.add_cb(Count)
print(type(learn.count).__name__)
learn.remove_cb(Count)
print(hasattr(learn, 'count'))
class CreateCallback(Callback):
    def after_create(self): print('after_create', type(self.learn).__name__)
learn = learner(cbs=CreateCallback())
print(learn.create.name)

print("-- fit_one_cycle, fine_tune and validate take cbs=")
class Hypers(Callback):
    def __init__(self): self.seen = []
    def before_batch(self):
        if self.training: self.seen.append((r(self.pct_train), r(self.opt.hypers[-1]['lr'], 6), r(self.opt.hypers[-1]['mom'], 4)))
    def after_batch(self):
        if self.training: self.seen.append((r(self.opt.hypers[-1]['lr'], 6), r(self.opt.hypers[-1]['mom'], 4)))
hy = Hypers()
learn = learner()
with learn.no_bar(), learn.no_logging(): learn.fit_one_cycle(2, 0.1, cbs=hy)
for s in hy.seen: print(s)
tune = Count()
learn = learner()
with learn.no_bar(), learn.no_logging(): learn.fine_tune(1, 0.01, cbs=tune)
print(tune.n, [[r(v) for v in row] for row in learn.recorder.values])
probe = Probe()
learn = learner()
with learn.no_bar(): print([r(v) for v in learn.validate(cbs=probe)])
print(' '.join(probe.log))

print("-- weight decay: Learner(wd=), fit(wd=), biases exempt unless wd_bn_bias")
for kw, fit_wd in [({}, None), ({'wd': 0.5}, None), ({'wd': 0.5}, 2.0), ({'wd': 0.5, 'wd_bn_bias': True}, None)]:
    learn = learner(**kw)
    quiet_fit(learn, 2, 0.1, wd=fit_wd)
    print(kw, fit_wd, [r(v) for v in learn.model.weight.flatten()], r(learn.model.bias), learn.opt.hypers[-1]['wd'])
