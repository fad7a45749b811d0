# %% [markdown]
# # Lesson 4: nn.Linear, the Learner, and a neural net
#
# Lesson 3 built every piece by hand. PyTorch and fastai have each of them
# ready made: `nn.Linear` is our `linear1` with its parameters, `SGD` our update
# loop, `Learner` our training loop. Then we go past a linear model to a small
# neural network.

# %% [markdown]
# ## Setup: the same ones and zeros as lesson 3

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
dl = DataLoader(list(zip(train_x, train_y)), batch_size=256, shuffle=True)
valid_dl = DataLoader(list(zip(valid_x, valid_y)), batch_size=256)
dls = DataLoaders(dl, valid_dl)

def mnist_loss(predictions, targets):
    predictions = predictions.sigmoid()
    return torch.where(targets == 1, 1 - predictions, predictions).mean()

def batch_accuracy(xb, yb):
    preds = xb.sigmoid()
    correct = (preds > 0.5) == yb
    return correct.float().mean()

# %% [markdown]
# ## nn.Linear
#
# `nn.Linear(784, 1)` holds a weight matrix and a bias, initialised for us.
# Note the weight's shape: PyTorch stores it as `out x in` and multiplies by
# its transpose.

# %%
torch.manual_seed(42)
linear_model = nn.Linear(28 * 28, 1)
w, b = linear_model.parameters()
w.shape, b.shape

# %% [markdown]
# ## An optimizer of our own
#
# The update loop of lesson 3, as a class with PyTorch's optimizer interface:

# %%
class BasicOptim:
    def __init__(self, params, lr):
        self.params, self.lr = list(params), lr

    def step(self, *args, **kwargs):
        for p in self.params:
            p.data -= p.grad.data * self.lr

    def zero_grad(self, *args, **kwargs):
        for p in self.params:
            p.grad = None

opt = BasicOptim(linear_model.parameters(), 1.)

def train_epoch(model):
    for xb, yb in dl:
        loss = mnist_loss(model(xb), yb)
        loss.backward()
        opt.step()
        opt.zero_grad()

def validate_epoch(model):
    accs = [batch_accuracy(model(xb), yb) for xb, yb in valid_dl]
    return round(torch.stack(accs).mean().item(), 4)

for i in range(5):
    train_epoch(linear_model)
    print(validate_epoch(linear_model), end=' ')
print()

# %% [markdown]
# ## The Learner
#
# fastai's `Learner` bundles the data, the model, the optimizer (`SGD`), the
# loss and the metrics, and `fit` runs the loop, printing a row per epoch.

# %%
learn = Learner(dls, nn.Linear(28 * 28, 1), opt_func=SGD,
                loss_func=mnist_loss, metrics=batch_accuracy)
learn.fit(5, lr=1.)

# %% [markdown]
# ## Adding a non-linearity
#
# Two linear layers in a row are still one linear layer. Between them we put a
# *rectified linear unit*, `max(x, 0)`. Here it is by hand, with 30 hidden
# units. (The published version of this code fed the *input* to the second
# layer; it must take the first layer's activations, `res @ w2`.)

# %%
def init_params(size, std=1.0):
    return (torch.randn(size) * std).requires_grad_()

w1 = init_params((28 * 28, 30))
b1 = init_params(30)
w2 = init_params((30, 1))
b2 = init_params(1)

def simple_net(xb):
    res = xb @ w1 + b1
    res = res.max(tensor(0.0))
    res = res @ w2 + b2
    return res

simple_net(valid_x[:3])

# %% [markdown]
# The same network from PyTorch's building blocks:

# %%
simple_net = nn.Sequential(
    nn.Linear(28 * 28, 30),
    nn.ReLU(),
    nn.Linear(30, 1),
)
simple_net

# %%
learn = Learner(dls, simple_net, opt_func=SGD,
                loss_func=mnist_loss, metrics=batch_accuracy)
learn.fit(10, 0.1)

# %% [markdown]
# The recorder keeps the training loss of every batch:

# %%
learn.recorder.plot_loss();

# %% [markdown]
# ## What did the first layer learn?
#
# Each of the 30 hidden units has 784 weights: one per pixel. Drawn as a 28 x 28
# picture they show the pattern each unit responds to.

# %%
w = learn.model[0].weight
w.shape

# %%
fig, axs = plt.subplots(1, 4, figsize=(8, 2))
for i in range(4):
    show_image(w[i].view(28, 28), ax=axs[i], title=f'unit {i}', cmap='RdBu')
plt.show()

# %% [markdown]
# ## Exercises
#
# 1. Use 100 hidden units instead of 30. Does validation accuracy improve?
# 2. Replace `nn.ReLU()` with `nn.Sigmoid()`.
# 3. Write `BasicOptim` with momentum: keep a running average of each gradient.
