# %% [markdown]
# # Lesson 2: Distances, L1 and RMSE
#
# We have an ideal one and an ideal zero. To classify a new digit we ask which
# of the two it is closer to. "Closer" needs a distance: we try the two most
# common ones, the mean absolute difference (L1) and the root mean squared
# error (RMSE).

# %% [markdown]
# ## Setup: the same data as lesson 1

# %%
import os
from fastai.vision.all import *
import pandas as pd

csv_path = os.environ.get('MNIST_CSV', os.path.expanduser('~/.cache/kindling/mnist/train.csv'))
df = pd.read_csv(csv_path)
valid_df = df.sample(frac=0.2, random_state=42)
train_df = df.drop(valid_df.index).reset_index(drop=True)
valid_df = valid_df.reset_index(drop=True)

def to_images(frame):
    return tensor(frame.iloc[:, 1:].values).float().view(-1, 28, 28) / 255

train_x, train_y = to_images(train_df), tensor(train_df['label'].values)
valid_x, valid_y = to_images(valid_df), tensor(valid_df['label'].values)
mean_one = train_x[train_y == 1].mean(0)
mean_zero = train_x[train_y == 0].mean(0)
valid_ones, valid_zeros = valid_x[valid_y == 1], valid_x[valid_y == 0]
valid_ones.shape, valid_zeros.shape

# %% [markdown]
# ## One digit, two distances
#
# Take one validation one. Its L1 distance to the mean one is the mean of the
# absolute differences; its RMSE the square root of the mean of the squares.

# %%
a_one = valid_ones[0]
dist_one_abs = (a_one - mean_one).abs().mean()
dist_one_sqr = ((a_one - mean_one) ** 2).mean().sqrt()
dist_one_abs, dist_one_sqr

# %% [markdown]
# And to the mean zero: both distances are larger, so we would call it a one.

# %%
dist_zero_abs = (a_one - mean_zero).abs().mean()
dist_zero_sqr = ((a_one - mean_zero) ** 2).mean().sqrt()
dist_zero_abs, dist_zero_sqr

# %% [markdown]
# PyTorch has both as loss functions in `torch.nn.functional` (imported as `F`):

# %%
F.l1_loss(a_one, mean_one), F.mse_loss(a_one, mean_one).sqrt()

# %% [markdown]
# RMSE punishes big differences more than small ones (it squares them); L1
# treats every difference alike.
#
# ## Broadcasting over the whole validation set
#
# We do not need a loop over images. When two tensors of different rank meet,
# PyTorch *broadcasts* the smaller one: `valid_ones - mean_one` subtracts the
# 28 x 28 mean from each of the images. Averaging over the last two dimensions
# gives one distance per image.

# %%
def mnist_distance(a, b):
    return (a - b).abs().mean((-1, -2))

mnist_distance(a_one, mean_one)

# %%
valid_one_dist = mnist_distance(valid_ones, mean_one)
valid_one_dist.shape, valid_one_dist[:5]

# %% [markdown]
# ## A baseline classifier
#
# A digit is a one when it is closer to the mean one than to the mean zero.

# %%
def is_one(x):
    return mnist_distance(x, mean_one) < mnist_distance(x, mean_zero)

is_one(a_one), is_one(a_one).float()

# %%
is_one(valid_ones[:10])

# %% [markdown]
# Its accuracy: the fraction of ones it calls ones, and of zeros it calls zeros.

# %%
accuracy_ones = is_one(valid_ones).float().mean()
accuracy_zeros = (1 - is_one(valid_zeros).float()).mean()
accuracy_ones, accuracy_zeros, (accuracy_ones + accuracy_zeros) / 2

# %% [markdown]
# Nearly every one, and roughly nine zeros in ten. Not bad for a model that
# learned nothing! But this approach can't improve itself. In the next lesson
# we build a model that learns from its mistakes.
#
# ## Exercises
#
# 1. Redo the baseline with RMSE instead of L1. Is it better or worse?
# 2. Which validation zeros does the baseline get wrong? Show one with `show_image`.
# 3. Build a baseline for threes against sevens.
