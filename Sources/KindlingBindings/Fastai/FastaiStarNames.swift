/// The public names real fastai 2.8's star imports bind (`from fastai.basics import *`, and
/// `from fastai.vision.all import *`, which adds the vision ones), Python's builtins left out.
/// After such an import, a name on these lists that Kindling lacks raises NameError saying it
/// is not supported by Kindling, instead of a bare "not defined" or a misleading guess.
enum FastaiStarNames {
    /// `fastai.basics`'s names.
    static let basics: [String] = words("""
        A APScoreBinary APScoreMulti AccumMetric Adam AdaptiveAvgPool AdaptiveConcatPool1d AdaptiveConcatPool2d Any
        ArrayBase ArrayImage ArrayImageBW ArrayImageBase ArrayMask Article Aside AttrDict AttrDictDefault AttrGetter
        Audio AutoInit AvgLoss AvgMetric AvgPool AvgSmoothLoss B BCELossFlat BCEWithLogitsLossFlat BalancedAccuracy
        BaseLoss BasicRepr BatchNorm BatchNorm1dFlat BatchSampler Body Br BrierScore BrierScoreMulti
        BuiltinFunctionType BuiltinMethodType Button BypassNewMeta ByteTensor CachedAwaitable CachedIter Callable
        Callback CancelBackwardException CancelBatchException CancelEpochException CancelFitException
        CancelStepException CancelTrainException CancelValidException Canvas Caption CastToTensor Cat CategoricalDtype
        Categorize Category CategoryBlock CategoryMap Chunks ClassificationInterpretation CliError Code CohenKappa Col
        ColReader ColSplitter Colgroup CollBase Config ContextManagers ConvLayer CorpusBLEUMetric Counter
        CrossEntropyLossFlat DataBlock DataLoader DataLoaders Datasets Dd Debounce Debugger DepProp Details Dice
        DiceLoss DiceMulti Dict DisplayedTransform Div Dl DocmentList DocmentTbl DocmentText DoubleTensor Dt E Em
        Embed Embedding EncodedMultiCategorize EndSplitter Enum EventTimer ExceptionExpected ExceptionsHTTP
        ExplainedVariance F F1Score F1ScoreMulti FBeta FBetaMulti FT FetchPredsCallback Fieldset Figcaption Figure
        FileGetter FileSplitter FilteredBase FixSigMeta Flatten Float FloatTensor FocalLoss FocalLossFlat Footer Form
        FullString Func FuncSplitter FunctionType GatherPredsCallback Generator GetAttr GetAttrBase
        GrandparentSplitter H1 H2 H3 H4 H5 H6 HTTP400BadRequestError HTTP401UnauthorizedError
        HTTP402PaymentRequiredError HTTP403ForbiddenError HTTP404NotFoundError HTTP405MethodNotAllowedError
        HTTP406NotAcceptableError HTTP407ProxyAuthRequiredError HTTP408RequestTimeoutError HTTP409ConflictError
        HTTP410GoneError HTTP411LengthRequiredError HTTP412PreconditionFailedError HTTP413PayloadTooLargeError
        HTTP414URITooLongError HTTP415UnsupportedMediaTypeError HTTP416RangeNotSatisfiableError
        HTTP417ExpectationFailedError HTTP418AmAteapotError HTTP421MisdirectedRequestError
        HTTP422UnprocessableEntityError HTTP423LockedError HTTP424FailedDependencyError HTTP425TooEarlyError
        HTTP426UpgradeRequiredError HTTP428PreconditionRequiredError HTTP429TooManyRequestsError
        HTTP431HeaderFieldsTooLargeError HTTP451LegalReasonsError HTTP4xxClientError HTTP500InternalServerError
        HTTP501NotImplementedError HTTP502BadGatewayError HTTP503ServiceUnavailableError HTTP504GatewayTimeoutError
        HTTP505HTTPVersionNotSupportedError HTTP506VariantAlsoNegotiatesError HTTP507InsufficientStorageError
        HTTP508LoopDetectedError HTTP510NotExtendedError HTTP511NetworkAuthenticationRequiredError HTTP5xxServerError
        HalfTensor HammingLoss HammingLossMulti Head Header Hr Html I IN_COLAB IN_IPYTHON IN_JUPYTER IN_NOTEBOOK
        Identity Iframe ImageGetter Img ImportEnum IndexSplitter Inf InplaceTransform Input InstanceNorm Int IntEnum
        IntToFloatTensor Interpretation ItemGetter ItemTransform IterLen Iterable IterableDataset Iterator Jaccard
        JaccardCoeff JaccardCoeffMulti JaccardMulti L L1LossFlat Label LabelSmoothingCrossEntropy
        LabelSmoothingCrossEntropyFlat Lamb Lambda LambdaType Larc Learner Legend Li LinBnDrop Link List Lock
        LongTensor Lookahead LossMetric LossMetrics MSELossFlat Main Mark MarkdownRenderer MaskSplitter Math
        MatthewsCorrCoef MatthewsCorrCoefMulti MaxPool MergeLayer Meta MethodDescriptorType MethodType
        MethodWrapperType Metric Mish MishJit MishJitAutoFn Module MultiCategorize MultiCategory MultiCategoryBlock
        MutableMapping MutableSequence NS Nav NewChkMeta NoneReduce NoneType NormType Normalize Noscript NotStr
        NullType Number Object Ol OneHotEncode OpGroup OptimWrapper Optimizer Option Optional OrderedDict P Param
        ParameterModule PartialFormatter PartialLambda Path PearsonCorrCoef Perplexity Pipeline PixelShuffle_ICNR
        PoolFlatten PoolType PooledSelfAttention2d Pre PrePostInitMeta Precision PrecisionMulti PrettyString Process
        ProcessPoolExecutor ProdLayer QHAdam Queue R2Score RAdam RMSProp RandomSampler RandomSplitter
        RandomSubsetSplitter Real Recall RecallMulti Recorder RegexLabeller RegressionBlock RegressionSetup
        ReindexCollection ResBlock ResizeBatch RocAuc RocAucBinary RocAucMulti S SEBlock SEModule SEResNeXtBlock SGD
        Safe Sampler SaveReturn Script Section SegmentationInterpretation Select Self SelfAttention SeparableBlock
        Sequence SequentialEx SequentialSampler Set ShowDocRenderer ShowPrint ShowTitle Sig SigmoidRange SimpleCNN
        SimpleNamespace SimpleSelfAttention SkipItemException SkipToEpoch Slot Small Source Span SpearmanCorrCoef
        Stateful Str StrEnum Strike Strong Style Sub Summary Sup Svg Swish SwishJit TEST_IMAGE TEST_IMAGE_BW Table
        Tbody Td Template Tensor TensorBase TensorCategory TensorFlowField TensorImage TensorImageBW TensorImageBase
        TensorMask TensorMultiCategory TextWrapper Textarea TfmdDL TfmdLists Tfoot Th Thead ThreadPoolExecutor
        TimeDistributed Title TitledFloat TitledInt TitledStr TitledTensorScalar TitledTuple ToTensor ToTensorBase Tr
        TrainEvalCallback TrainTestSplitter Transform TransformBlock TruncatedString Tuple TypeVar U UNSET URLs Ul
        Union Unset ValEnum ValueMetric Video View WrapperDescriptorType XML acache accuracy accuracy_multi adam_step
        adaptive_pool add add_docs add_props adict all_equal ann_parts anno2str anno_dict anno_parser anno_ret
        annotations any_is_instance apply apply_init apply_leaf arg0 arg1 arg2 arg3 arg4 argnames args_from_prog
        argwhere array array_equal as_completed as_tensor asave_iter asdict athreaded atomic_save attrdict attrgetter
        attrmap autostart average_grad average_sqr_grad base_doc basic_repr batch_to_samples before_batch_cb bg_task
        bind bool_arg broadcast_vec bunzip bz2 call_parse camel2snake camel2words can_render cast
        children_and_parameters chunked class2attr clean_cli_output coll_repr collate_error collections compile_re
        compose compose_tfms concat concurrent cond_init console_help contextmanager copy copy_func csv ctx_sync
        curryable custom_dir cycle dataclass_src datetime debias decode_at deepcopy default_collate default_convert
        default_device default_set_meta defaultdict defaults delegate_attr delegated delegates detect_mime detuplify
        detuplify_pg df_equal dict2obj dict2xml disable_async_magics dispatch display_df distrib_barrier doc docments
        docs docstring dropwhile dstar dumps empty empty2none enable_async_magics enum eq equals error_rate eval_type
        even_mults event exception exec_eval exec_import exec_local exec_new exp_rmspe expand_wildcards expect_fail
        explode_types extend_enum extract_docstrings exttypes fa_collate fa_convert fail_clean fastai_cfg fastai_path
        fastuple fdelegates fenced fenced_blocks filter_dict filter_ex filter_keys filter_values find_bs find_device
        find_file_parents first first_match flatmap flatten flatten_check flatten_model flexicache flexiclass
        foreground_acc free_port friendly_name frontmatter ft full_docs funcs_kwargs functools gather_attr_names
        gather_attrs ge gen get_annotations_ex get_c get_class get_dataclass_source get_empty_df get_files get_first
        get_func get_image_files get_model get_name get_random_states get_show_batch_func get_source get_source_link
        get_text_files get_worker_info getattrs getcallable glob globtastic grad_module groupby gt has_children
        hasattrs hashlib highlight hl_md http_response humanize icnr_init id_words ifnone ignore_exceptions
        image_extensions image_size img_bytes import_no_init in_ in_channels in_colab in_ipython in_jupyter
        in_notebook init_args init_default init_linear inplace_relu inspect instantiate inum_methods io ipython_shell
        is_ is_array is_async_callable is_bool is_cli is_close is_coll is_indexer is_iter is_listy is_namedtuple
        is_not is_numeric_dtype is_port_free is_typeddict is_usable_tool isdataclass isinstance_str ismin_torch
        item_find itemgetter iter_sync itertools join_path_file joins json kindsort l2_reg lamb_step larc_layer_lr
        larc_step last last_index last_match le linesplitter listify llmtool load_learner load_mod load_model
        load_pickle loads loads_multi local2utc logit loop_first loop_first_last loop_last lt mae make_cross_image
        make_nullable map_ex mapa mapped maps mapt mask2idxs master_bar math matplotlib maybe_aiter maybe_attr
        maybe_await maybe_gather maybe_open merge metadec method methodcaller mimetypes mish mk_class mk_doc
        mk_getattr mk_groups mk_metric mk_sig mk_transform mkdir mod modified_env modify_exception module
        momentum_step mse msle mtime_policy mul multiprocessing n_friendly_names namedtuple nb_urls ndarray ndimage ne
        negate nequals nested_attr nested_callable nested_idx nested_reorder nested_setdefault nn no_random noop noopa
        noops norm_bias_params norm_types not_ notmax_torch np np_func null nullable_dc num_cpus num_distrib
        num_methods numbers obj2dict one_hot one_hot_decode one_is_instance one_param only open_file operator
        optim_metric os otherwise parallel parallel_async parallel_async_dict parallel_async_gen parallelable params
        parent_label parse_cli parse_docstring parse_env partial partial_format partialler partition partition_dict
        patch patch_to pd perplexity pglob pickle platform plot_top_losses plt prefetch_data product progress_bar
        properties pv pytorch_hp_map qhadam_step qual_name queues radam_step random range_of ranger rank_distrib re
        read_config_file reawaitable recv_once redirect_stdout reduce remove_prefix remove_suffix renumerate
        replacing_yield replicate repo_details repr_dict req requests requires_grad ret_false ret_true retain_meta
        retain_type retain_types revive_dates risinstance rms_prop_step rmse rnum_methods round_multiple rstar
        rsync_multi rtoken_hex run run_sync sanitize_param_name sanitized_params save_config_file save_iter save_model
        save_pickle scipy script_bwd script_fwd script_save_ctx script_use_ctx sequential set_ctx set_item_pg
        set_nested_idx set_num_threads set_random_states set_seed set_trace setattrs setify setup_cuda sgd_step shell
        show_at show_batch show_image show_image_batch show_images show_results show_title show_titled_image showtags
        shufflish shutil sig2str sig_source sig_with_params sigmoid sigmoid_ sigmoid_range signature_ex skm_to_fastai
        snake snake2camel sorted_ex spark_chars sparkline splice_sig splitter ssh star starmap start_client
        start_server startproc startthread step_stat stop store_attr store_false store_true str2bool str2date str2dt
        str2float str2int str2list str_diff str_enum strcat string string_classes stringfmt_names strloader strtyps
        sub subplots swish sys take_lines takewhile tarfile tempfile tensor test test_close test_eq test_eq_type
        test_fail test_fig_exists test_is test_ne test_set test_shuffled test_sig test_stdout test_warns then threaded
        threading time time_policy timed_cache to_aiter to_bool to_camel to_concat to_cpu to_date to_detach to_device
        to_float to_half to_int to_kebab to_list to_np to_pascal to_snake to_xml tobytes tonull top_k_accuracy torch
        trace trainable_params transform trim_wraps true truediv trunc_ctr trunc_normal_ truncstr try_attrs tuplify
        type2str type_hints type_map typed types typing union2tuple uniqueify unqid unsqueeze unsqueeze_ untar_data
        untar_dir url_default_headers urlclean urldest urljson urllib urlopen urlopener urlquote urlread urlretrieve
        urlsave urlvalid urlwrap use_kwargs use_kwargs_dict using_attr utc2local val2idx valmap vars_pub ver2tuple
        vleaky_relu voids wait_port_free wait_port_free_async wait_until waitfor waitfor_async walk walk_join warn
        warnings weight_decay with_cast working_directory wrap_class xdumps yaml zip_cycle zip_longest zipfile
        """)

    /// The names `fastai.vision.all` binds besides `fastai.basics`'s.
    static let visionOnly: [String] = words("""
        AMPMode ActivationStats AddMaskCodes AffineCoordTfm AlexNet AlexNet_Weights BBoxBlock BBoxLabeler BBoxLblBlock
        BILINEAR BnFreeze Brightness CSVLogger ChannelsLast CollectDataCallback Contrast ConvNeXt
        ConvNeXt_Base_Weights ConvNeXt_Large_Weights ConvNeXt_Small_Weights ConvNeXt_Tiny_Weights CropPad CutMix
        DenseNet DenseNet121_Weights DenseNet161_Weights DenseNet169_Weights DenseNet201_Weights DeterministicDihedral
        DeterministicDraw DeterministicFlip Dihedral DihedralItem DynamicUnet EarlyStoppingCallback EfficientNet
        EfficientNet_B0_Weights EfficientNet_B1_Weights EfficientNet_B2_Weights EfficientNet_B3_Weights
        EfficientNet_B4_Weights EfficientNet_B5_Weights EfficientNet_B6_Weights EfficientNet_B7_Weights
        EfficientNet_V2_L_Weights EfficientNet_V2_M_Weights EfficientNet_V2_S_Weights Flip FlipItem GoogLeNet
        GoogLeNetOutputs GoogLeNet_Weights GradientAccumulation GradientClip HSVTfm Hook HookCallback Hooks Hue Image
        ImageBlock ImageDataLoaders Inception3 InceptionOutputs Inception_V3_Weights LRFinder LabeledBBox LightingTfm
        MCDropoutCallback MNASNet MNASNet0_5_Weights MNASNet0_75_Weights MNASNet1_0_Weights MNASNet1_3_Weights
        MaskBlock MaxVit MaxVit_T_Weights MixHandler MixUp MixedPrecision MobileNetV2 MobileNetV3 MobileNet_V2_Weights
        MobileNet_V3_Large_Weights MobileNet_V3_Small_Weights ModelResetter ModelToHalf NEAREST
        NonNativeMixedPrecision OldRandomCrop OpenMask PILBase PILImage PILImageBW PILMask PadMode ParamScheduler
        PartialDL PointBlock PointScaler ProgressCallback RNNCallback RNNRegularizer RandTransform RandomCrop
        RandomErasing RandomResizedCrop RandomResizedCropGPU RatioResize ReduceLROnPlateau RegNet
        RegNet_X_16GF_Weights RegNet_X_1_6GF_Weights RegNet_X_32GF_Weights RegNet_X_3_2GF_Weights
        RegNet_X_400MF_Weights RegNet_X_800MF_Weights RegNet_X_8GF_Weights RegNet_Y_128GF_Weights
        RegNet_Y_16GF_Weights RegNet_Y_1_6GF_Weights RegNet_Y_32GF_Weights RegNet_Y_3_2GF_Weights
        RegNet_Y_400MF_Weights RegNet_Y_800MF_Weights RegNet_Y_8GF_Weights ResNeXt101_32X8D_Weights
        ResNeXt101_64X4D_Weights ResNeXt50_32X4D_Weights ResNet ResNet101_Weights ResNet152_Weights ResNet18_Weights
        ResNet34_Weights ResNet50_Weights Resize ResizeMethod ResizeToOrig Rotate Saturation SaveModelCallback
        SchedCos SchedExp SchedLin SchedNo SchedPoly SegmentationDataLoaders ShortEpochCallback ShowGraphCallback
        ShuffleNetV2 ShuffleNet_V2_X0_5_Weights ShuffleNet_V2_X1_0_Weights ShuffleNet_V2_X1_5_Weights
        ShuffleNet_V2_X2_0_Weights SpaceTfm SqueezeNet SqueezeNet1_0_Weights SqueezeNet1_1_Weights SuggestionMethod
        SwinTransformer Swin_B_Weights Swin_S_Weights Swin_T_Weights Swin_V2_B_Weights Swin_V2_S_Weights
        Swin_V2_T_Weights TensorBBox TensorPoint TensorPointCreate TensorTypes TerminateOnNaNCallback TimmBody
        TrackerCallback UnetBlock VGG VGG11_BN_Weights VGG11_Weights VGG13_BN_Weights VGG13_Weights VGG16_BN_Weights
        VGG16_Weights VGG19_BN_Weights VGG19_Weights ViT_B_16_Weights ViT_B_32_Weights ViT_H_14_Weights
        ViT_L_16_Weights ViT_L_32_Weights VisionTransformer Warp WeightedDL Wide_ResNet101_2_Weights
        Wide_ResNet50_2_Weights XResNet Zoom add_head affine_grid affine_mat alexnet annealer apply_perspective
        aug_transforms bb_pad bn_types cifar_stats clip_remove_empty cnn_learner combine_scheds combined_cos
        convnext_base convnext_large convnext_small convnext_tiny copy_clone create_body create_cnn_model create_head
        create_timm_model create_unet_model create_vision_model cut_model cutout_gaussian decodes default_split
        densenet121 densenet161 densenet169 densenet201 dihedral_mat download_images dummy_eval efficientnet_b0
        efficientnet_b1 efficientnet_b2 efficientnet_b3 efficientnet_b4 efficientnet_b5 efficientnet_b6
        efficientnet_b7 efficientnet_v2_l efficientnet_v2_m efficientnet_v2_s encodes find_coeffs flip_mat g0 g1 g2 g3
        get_annotations get_grid get_master googlenet grad_overflow grayscale has_params has_pool_type hook_output
        hook_outputs hsv2rgb image2tensor imagenet_stats inception_v3 init_cnn layer_info load_image mask_tensor
        maxvit_t minimum mnasnet0_5 mnasnet0_75 mnasnet1_0 mnasnet1_3 mnist_stats mobilenet_v2 mobilenet_v3_large
        mobilenet_v3_small model_meta model_sizes models module_summary norm_apply_denorm num_features_model
        reduce_loss regnet_x_16gf regnet_x_1_6gf regnet_x_32gf regnet_x_3_2gf regnet_x_400mf regnet_x_800mf
        regnet_x_8gf regnet_y_128gf regnet_y_16gf regnet_y_1_6gf regnet_y_32gf regnet_y_3_2gf regnet_y_400mf
        regnet_y_800mf regnet_y_8gf resize_image resize_images resize_to resnet101 resnet152 resnet18 resnet34
        resnet50 resnext101_32x8d resnext101_64x4d resnext50_32x4d rgb2hsv rnn_cbs rotate_mat sched_cos sched_exp
        sched_lin sched_no se_kwargs1 se_kwargs2 se_kwargs3 search_images_bing search_images_serpapi set_bn_eval
        setup_aug_tfms shufflenet_v2_x0_5 shufflenet_v2_x1_0 shufflenet_v2_x1_5 shufflenet_v2_x2_0 slide squeezenet1_0
        squeezenet1_1 steep swin_b swin_s swin_t swin_v2_b swin_v2_s swin_v2_t test_overflow to_image to_master_grads
        to_model_params total_params unet_learner valley verify_image verify_images vgg11 vgg11_bn vgg13 vgg13_bn
        vgg16 vgg16_bn vgg19 vgg19_bn vision_learner vit_b_16 vit_b_32 vit_h_14 vit_l_16 vit_l_32 wide_resnet101_2
        wide_resnet50_2 xresnet101 xresnet152 xresnet18 xresnet18_deep xresnet18_deeper xresnet34 xresnet34_deep
        xresnet34_deeper xresnet50 xresnet50_deep xresnet50_deeper xresnext101 xresnext18 xresnext34 xresnext50
        xse_resnet101 xse_resnet152 xse_resnet18 xse_resnet34 xse_resnet50 xse_resnext101 xse_resnext18
        xse_resnext18_deep xse_resnext18_deeper xse_resnext34 xse_resnext34_deep xse_resnext34_deeper xse_resnext50
        xse_resnext50_deep xse_resnext50_deeper xsenet154 zoom_mat
        """)

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }
}
