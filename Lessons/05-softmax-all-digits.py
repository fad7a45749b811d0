# %% [markdown]
# # Lesson 5: Softmax and all ten digits
#
# Ones against zeros needed one output. For ten digits the model gives ten
# numbers per image, one score per digit, and we need a loss that turns those
# scores into probabilities and rewards the right one.

# %% [markdown]
# ## All the digits

# %%
import os
from fastai.vision.all import *
import pandas as pd

csv_path = os.environ.get('MNIST_CSV', os.path.expanduser('~/.cache/kindling/mnist/train.csv'))
df = pd.read_csv(csv_path)
valid_df = df.sample(frac=0.2, random_state=42)
train_df = df.drop(valid_df.index).reset_index(drop=True)
valid_df = valid_df.reset_index(drop=True)

train_x = tensor(train_df.iloc[:, 1:].values).float() / 255
train_y = tensor(train_df['label'].values)
valid_x = tensor(valid_df.iloc[:, 1:].values).float() / 255
valid_y = tensor(valid_df['label'].values)
train_x.shape, valid_x.shape

# %% [markdown]
# ## Why sigmoid no longer fits
#
# Sigmoid turns one score into one probability. With ten scores we want ten
# probabilities that add up to one: *softmax*, `exp(x) / exp(x).sum()`.

# %%
acts = tensor([[0.6, -1.2, 2.0], [1.5, 0.3, -0.7]])
sm_acts = acts.exp() / acts.exp().sum(dim=1, keepdim=True)
sm_acts

# %%
torch.softmax(acts, dim=1)

# %% [markdown]
# Each row sums to one:

# %%
sm_acts.sum(1)

# %% [markdown]
# ## Cross-entropy
#
# The loss takes, for each image, the log of the probability given to the
# right digit, and averages its negative. `nn.CrossEntropyLoss` does softmax,
# log and picking in one numerically stable step.

# %%
targ = tensor([2, 0])

manual = -(sm_acts.log()[0, 2] + sm_acts.log()[1, 0]) / 2
manual, nn.CrossEntropyLoss()(acts, targ)

# %% [markdown]
# ## Training on ten digits
#
# The validation loader must hold the *validation* set. (A published version
# of this code gave it the training set, which is why it reported almost
# perfect accuracy: it was grading the model on the images it had studied.)

# %%
dls = DataLoaders(DataLoader(list(zip(train_x, train_y)), batch_size=64, shuffle=True),
                  DataLoader(list(zip(valid_x, valid_y)), batch_size=64))
torch.manual_seed(42)
mnist_net = nn.Sequential(nn.Linear(28 * 28, 30), nn.ReLU(), nn.Linear(30, 10))
learn = Learner(dls, mnist_net, opt_func=SGD, loss_func=nn.CrossEntropyLoss(), metrics=accuracy)
learn.fine_tune(3, 0.1)

# %% [markdown]
# `fine_tune` trains one epoch "frozen" and then the rest unfrozen; this model
# has no pretrained body, so freezing changes nothing here.
#
# ## Predictions

# %%
preds, targs = learn.get_preds(dl=dls.valid)
preds.shape, preds[0].sum()

# %%
(preds.argmax(dim=1) == targs).float().mean()

# %%
show_image(valid_x[0].view(28, 28), title=f'predicted {preds[0].argmax().item()}', cmap='Greys');

# %% [markdown]
# ## Exercises
#
# 1. Train for more epochs. Where does validation accuracy stop improving?
# 2. Which digits does the model confuse most? Count the mistakes per true label.
# 3. Try a batch size of 5, as in the original lesson. What changes?
