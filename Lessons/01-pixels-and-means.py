# %% [markdown]
# # Lesson 1: Pixels and means
#
# A computer sees a handwritten digit as a grid of numbers. In this lesson we
# load the MNIST digits, look at them as pictures and as numbers, and build the
# simplest possible "model": the average one and the average zero.
#
# Every cell is plain Python. Run it with `kindling run`, step through it with
# `kindling step`, or run it unchanged with `python` and fastai installed.

# %% [markdown]
# ## Loading the digits
#
# The data is a CSV file in the layout of Kaggle's *digit recognizer*: a
# `label` column (the digit) and 784 pixel columns `pixel0` ... `pixel783`,
# one row per image, each pixel a brightness from 0 (paper) to 255 (ink).
# `MNIST_CSV` names the file; `kindling data` prepares the default one.

# %%
import os
from fastai.vision.all import *
import pandas as pd

csv_path = os.environ.get('MNIST_CSV', os.path.expanduser('~/.cache/kindling/mnist/train.csv'))
df = pd.read_csv(csv_path)
df.head()

# %%
df.shape

# %% [markdown]
# How many examples of each digit are there?

# %%
df['label'].value_counts()

# %% [markdown]
# ## A validation set
#
# We will judge every model on images it never saw while it was built. We
# hold out a fifth of the rows, picked at random but with a fixed seed so that
# every run (and every lesson) picks the same ones.

# %%
valid_df = df.sample(frac=0.2, random_state=42)
train_df = df.drop(valid_df.index).reset_index(drop=True)
valid_df = valid_df.reset_index(drop=True)
len(train_df), len(valid_df)

# %% [markdown]
# ## From rows to image tensors
#
# `tensor(...)` turns the pixel columns into a PyTorch tensor. We scale the
# brightness to 0..1 and view each row of 784 numbers as a 28 x 28 grid.

# %%
train_x = tensor(train_df.iloc[:, 1:].values).float().view(-1, 28, 28) / 255
train_y = tensor(train_df['label'].values)
train_x.shape, train_y.shape

# %% [markdown]
# Here is one digit, first as numbers (a patch of it, back in 0..255), then as a picture.

# %%
(train_x[0] * 255).long()[4:12, 8:16]

# %%
show_image(train_x[0], title=str(train_y[0].item()), cmap='Greys');

# %% [markdown]
# ## The ones and the zeros
#
# To start simply we only tell ones from zeros. We collect the images of each
# with a list comprehension and stack them into one `N x 28 x 28` tensor.

# %%
one_tensors = [img for img, label in zip(train_x, train_y) if label == 1]
zero_tensors = [img for img, label in zip(train_x, train_y) if label == 0]
stacked_ones = torch.stack(one_tensors)
stacked_zeros = torch.stack(zero_tensors)
stacked_ones.shape, stacked_zeros.shape

# %% [markdown]
# The same selection can be written with a boolean mask, and gives the same tensor:

# %%
(train_x[train_y == 1] == stacked_ones).all()

# %% [markdown]
# ## The ideal one and the ideal zero
#
# Averaging every image of a digit pixel by pixel gives its "ideal" shape:
# `mean(0)` averages over the first dimension, the images.

# %%
mean_one = stacked_ones.mean(0)
mean_zero = stacked_zeros.mean(0)
mean_one.shape

# %%
fig, axs = plt.subplots(1, 2, figsize=(4, 2))
show_image(mean_one, ax=axs[0], title='mean one', cmap='Greys')
show_image(mean_zero, ax=axs[1], title='mean zero', cmap='Greys');

# %% [markdown]
# The mean one is a blurry upright stroke; the mean zero a blurry ring. In the
# next lesson we use these two pictures to classify digits we have not seen.
#
# ## Exercises
#
# 1. Compute the mean of another digit (say 7) and show it.
# 2. Which pixel is brightest in `mean_zero`? Try `mean_zero.argmax()` and turn
#    the flat index into a row and a column with `//` and `%`.
# 3. How many pixels of the first training image are exactly zero?
