# %% [markdown]
# # Lesson 3: Stochastic gradient descent from scratch
#
# Instead of fixing the model by hand, we let it *learn*: give it weights,
# measure how wrong it is, and nudge each weight in the direction that makes
# it less wrong. The recipe has seven steps:
#
# 1. *initialise* the weights at random,
# 2. *predict* with them,
# 3. compute the *loss*: how bad the predictions are,
# 4. compute the *gradient*: how the loss changes with each weight,
# 5. *step*: change the weights a little against the gradient,
# 6. *repeat* from 2,
# 7. *stop* when the model is good enough.

# %% [markdown]
# ## Setup: ones and zeros as flat vectors
#
# A linear model takes a vector, so each 28 x 28 image becomes 784 numbers.
# The label is 1 for a one and 0 for a zero.

# %%
import os
from fastai.vision.all import *
import pandas as pd

csv_path = os.environ.get('MNIST_CSV', os.path.expanduser('~/.cache/kindling/mnist/train.csv'))
df = pd.read_csv(csv_path)
valid_df = df.sample(frac=0.2, random_state=42)
train_df = df.drop(valid_df.index).reset_index(drop=True)
valid_df = valid_df.reset_index(drop=True)

def ones_and_zeros(frame):
    x = tensor(frame.iloc[:, 1:].values).float() / 255
    y = tensor(frame['label'].values)
    keep = (y == 0) | (y == 1)
    return x[keep], (y[keep] == 1).float().unsqueeze(1)

train_x, train_y = ones_and_zeros(train_df)
valid_x, valid_y = ones_and_zeros(valid_df)
train_x.shape, train_y.shape, valid_x.shape

# %% [markdown]
# ## Gradients in one line
#
# PyTorch records how every tensor that `requires_grad` was computed and can
# run that computation backwards. For `f(x) = x**2` at `x = 3` the gradient is `2x = 6`:

# %%
def f(x):
    return (x ** 2).sum()

xt = tensor([3., 4., 10.]).requires_grad_()
yt = f(xt)
yt.backward()
yt, xt.grad

# %% [markdown]
# ## Step 1: initialise
#
# One weight per pixel and one bias, drawn from a normal distribution.

# %%
torch.manual_seed(42)

def init_params(size, std=1.0):
    return (torch.randn(size) * std).requires_grad_()

weights = init_params((28 * 28, 1))
bias = init_params(1)
weights.shape, bias.shape

# %% [markdown]
# ## Step 2: predict
#
# A whole batch at once with a matrix product: `xb @ weights` is one number
# per image.

# %%
def linear1(xb):
    return xb @ weights + bias

preds = linear1(train_x)
preds[:4]

# %% [markdown]
# Accuracy is what we care about, but it makes a poor loss: a tiny change in a
# weight almost never changes it, so its gradient is zero almost everywhere.

# %%
((preds > 0.0).float() == train_y).float().mean().item()

# %% [markdown]
# ## Step 3: a loss that has useful gradients
#
# `sigmoid` squashes any number into 0..1. The loss is how far the squashed
# prediction is from the target: `1 - p` for a one, `p` for a zero.
# `torch.where(c, a, b)` picks from `a` where `c` holds and from `b` elsewhere.

# %%
def mnist_loss(predictions, targets):
    predictions = predictions.sigmoid()
    return torch.where(targets == 1, 1 - predictions, predictions).mean()

trgts = tensor([1, 0, 1])
prds = tensor([0.9, 0.4, 0.2])
torch.where(trgts == 1, 1 - prds, prds)

# %% [markdown]
# ## Mini-batches and the DataLoader
#
# A gradient over the whole data set is slow; over one image it is noisy. We
# compromise with mini-batches. A `DataLoader` cuts a collection into shuffled
# batches:

# %%
coll = range(15)
dl = DataLoader(coll, batch_size=5, shuffle=True)
list(dl)

# %% [markdown]
# For training we give it `(image, label)` pairs; each batch it yields is a
# tuple of two stacked tensors.

# %%
dset = list(zip(train_x, train_y))
valid_dset = list(zip(valid_x, valid_y))
dl = DataLoader(dset, batch_size=256)
valid_dl = DataLoader(valid_dset, batch_size=256)
xb, yb = first(dl)
xb.shape, yb.shape

# %% [markdown]
# ## Steps 4 and 5: gradient and step
#
# `backward()` fills `.grad`; we step each parameter against it through
# `.data` (so that PyTorch does not record the update itself), then reset the
# gradient, which would otherwise accumulate.

# %%
def calc_grad(xb, yb, model):
    loss = mnist_loss(model(xb), yb)
    loss.backward()

def train_epoch(model, lr, params):
    for xb, yb in dl:
        calc_grad(xb, yb, model)
        for p in params:
            p.data -= p.grad * lr
            p.grad.zero_()

# %% [markdown]
# ## Measuring: accuracy on the validation set

# %%
def batch_accuracy(xb, yb):
    preds = xb.sigmoid()
    correct = (preds > 0.5) == yb
    return correct.float().mean()

def validate_epoch(model):
    accs = [batch_accuracy(model(xb), yb) for xb, yb in valid_dl]
    return round(torch.stack(accs).mean().item(), 4)

validate_epoch(linear1)

# %% [markdown]
# ## Steps 6 and 7: repeat, then stop

# %%
lr = 1.
params = weights, bias
for i in range(20):
    train_epoch(linear1, lr, params)
    print(validate_epoch(linear1), end=' ')
print()

# %% [markdown]
# From chance to well above 97% on ones against zeros, with nothing but a
# matrix product, a sigmoid and the chain rule.
#
# ## Exercises
#
# 1. Train with `lr = 0.1` and with `lr = 10.`. What happens?
# 2. Use `batch_size=16`: more steps per epoch. Is it better per epoch? Per second?
# 3. Why do we call `p.grad.zero_()`? Remove it and watch the accuracy.
